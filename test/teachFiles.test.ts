/**
 * Taught data to and from the knowledge/ file format: an export is a knowledge folder the loader accepts with the
 * taught examples, aliases and clinic details in it, and importing it back gives the same taught data.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/load';
import type { TeachingChange } from '../src/storage/teaching';
import { exportFiles, importChanges } from '../src/teach/files';
import { taughtFrom } from '../src/teach/taught';
import { clinic, KNOWLEDGE_DIR } from './helpers';

describe('teaching export and import (knowledge/ file format)', () => {
  const change = (c: Partial<TeachingChange>, id: number): TeachingChange => ({
    id,
    at: '2026-01-01T00:00:00Z',
    by: 'alice',
    status: 'applied',
    kind: 'example',
    ...c,
  });
  const hip = () => clinic().knowledge.conditions.find((c) => /hip/i.test(c.name))!.name;
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'teach-export-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exports a folder the knowledge loader accepts, and importing it gives back what was taught', () => {
    const taught = taughtFrom([
      change({ text: 'how might i reach somebody', intent: 'contact' }, 1),
      change({ kind: 'out_of_scope', text: 'do you sell vitamins' }, 2),
      change({ kind: 'alias', alias: 'pelvis joint', condition: hip() }, 3),
      change({ kind: 'clinic', clinic: { openingHours: 'Mon to Fri 8 to 6' } }, 4),
      change(
        { kind: 'faq', faq: { id: 'parking', title: 'Parking', questions: ['where can i park', 'is there parking'], answer: 'Behind the clinic.' } },
        5,
      ),
      change({ kind: 'example', text: 'reverted one', intent: 'contact', status: 'reverted' }, 6),
    ]);
    const base = loadKnowledge(KNOWLEDGE_DIR);
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    for (const [path, content] of Object.entries(exportFiles(base, taught))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const exported = loadKnowledge(dir);
    expect(exported.training).to.deep.include({ text: 'how might i reach somebody', intent: 'contact' });
    expect(exported.training).to.not.deep.include({ text: 'reverted one', intent: 'contact' });
    expect(exported.conditions.find((c) => c.name === hip())!.aliases).to.include('pelvis joint');
    expect(exported.clinic.openingHours).to.equal('Mon to Fri 8 to 6');

    const back = taughtFrom(importChanges(base, dir, 'import').map((c, i) => ({ ...c, id: i + 1, at: '' })));
    expect(back.examples).to.deep.equal(taught.examples);
    expect(back.declined).to.deep.equal(taught.declined);
    expect(back.aliases).to.deep.equal(taught.aliases);
    expect(back.clinic).to.deep.equal(taught.clinic);
    expect(back.faqs).to.deep.equal(taught.faqs);
  });
});
