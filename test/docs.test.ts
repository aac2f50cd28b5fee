/**
 * The README and the guides in docs/ link to each other and to files in the repository; a link that points at a
 * moved file or a renamed heading sends a reader nowhere. Every relative link must name a file that exists and, with
 * a #fragment, a heading in it (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens).
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/config';

const DOCS = [
  'README.md',
  ...readdirSync(join(PROJECT_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The text outside fenced code blocks (a `# comment` in a bash block is not a heading, a link in code is not a link). */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor for a heading; repeated headings get -1, -2, … */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const m of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = m[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    result.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return result;
}

/** Relative links: [text](target) that are not URLs or mail addresses. */
function links(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

describe('documentation links', () => {
  it('the README is short enough to read in five minutes (at most 16 KB) and links every guide in docs/', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(Buffer.byteLength(readme)).to.be.at.most(16 * 1024);
    for (const doc of DOCS.filter((d) => d !== 'README.md')) expect(readme, doc).to.include(`](${doc})`);
  });

  it('every relative link names a file that exists, and a heading that exists in it', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const doc of DOCS) {
      for (const link of links(readFileSync(join(PROJECT_ROOT, doc), 'utf8'))) {
        checked++;
        const [path, fragment] = link.split('#');
        const target = path === '' ? join(PROJECT_ROOT, doc) : join(PROJECT_ROOT, dirname(doc), decodeURIComponent(path));
        if (!existsSync(target)) broken.push(`${doc}: ${link} (no file ${relative(PROJECT_ROOT, target)})`);
        else if (fragment !== undefined && !anchors(readFileSync(target, 'utf8')).has(fragment))
          broken.push(`${doc}: ${link} (no heading #${fragment})`);
      }
    }
    expect(checked, 'links found').to.be.above(10);
    expect(broken).to.deep.equal([]);
  });

  it('anchors follow GitHub: punctuation dropped, spaces as hyphens, repeats numbered', () => {
    expect([...anchors('## Two turns at once (eTags)\n## 1. Choose how\n```\n# not a heading\n```\n## Notes\n## Notes')]).to.deep.equal([
      'two-turns-at-once-etags',
      '1-choose-how',
      'notes',
      'notes-1',
    ]);
  });
});
