/** The Azurite launcher (shared with npm run bench:storage). */
export * from '../bench/azurite';
