/**
 * Drafts are the file: the same bytes come back in this tab; secrets written inline never reach
 * localStorage; a large file is stored deflated; a draft saved by an earlier version (a design) still loads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAnyDraft, saveDocumentDraft, DRAFT_KEY } from '@/components/designer/draft-storage';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { emptyDesign } from '@/lib/connector/design';
import { STORED_SECRET, type SecretValue } from '@/lib/connector/stored-secret';
import { largeIpsecDesign } from '../../scripts/bench-designs';

const EXAMPLE_3 = readFileSync(path.join(__dirname, '..', 'hcl-parse', 'fixtures', 'example-3.tf'), 'utf8');

function fakeStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

let local: ReturnType<typeof fakeStorage>;
let session: ReturnType<typeof fakeStorage>;
beforeEach(() => {
  local = fakeStorage();
  session = fakeStorage();
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', session);
});
afterEach(() => vi.unstubAllGlobals());

describe('drafts keep the file', () => {
  it('restores the same bytes, with the inline keys from the session only', () => {
    saveDocumentDraft(EXAMPLE_3, 'multi_segment', new Map([['multi_segment_psk_1', 'kept-in-tab']]));
    const stored = local.items.get(DRAFT_KEY) ?? '';
    expect(stored).toContain('# Using IPsec for tunnel protocol');
    expect(stored).not.toContain('psk-dmz-primary-123!');
    expect(stored).not.toContain('dmz-gateway.example.com');
    const draft = loadAnyDraft();
    expect(draft && 'text' in draft && draft.text).toBe(EXAMPLE_3);
    expect(draft && 'text' in draft && draft.secrets.get('multi_segment_psk_1')).toBe('kept-in-tab');
    // Another tab (no session): the file without its keys, never with anything else changed.
    session.items.clear();
    const elsewhere = loadAnyDraft();
    expect(elsewhere && 'text' in elsewhere && elsewhere.text).toBe(
      EXAMPLE_3.replaceAll('"psk-dmz-primary-123!"', '""')
        .replace(/"psk-internal-[a-z]+-\d+!"/g, '""')
        .replace(/remote_auth_value = "[^"]+"/g, 'remote_auth_value = ""'),
    );
  });

  it('keeps a variable standing for a stored secret as the stored secret, not as text', () => {
    saveDocumentDraft(
      EXAMPLE_3,
      'multi_segment',
      new Map<string, SecretValue>([
        ['multi_segment_psk_1', STORED_SECRET],
        ['multi_segment_psk_2', 'typed'],
      ]),
    );
    const draft = loadAnyDraft();
    if (!draft || !('text' in draft)) throw new Error('expected a file draft');
    expect(draft.secrets.get('multi_segment_psk_1')).toEqual(STORED_SECRET);
    expect(draft.secrets.get('multi_segment_psk_2')).toBe('typed');
  });

  it('stores a large file deflated (a fraction of its size) and restores it exactly', () => {
    const text = renderConnectorHcl(largeIpsecDesign(), { preSharedKeys: 'inline' }).repeat(3);
    expect(text.length).toBeGreaterThan(500_000);
    saveDocumentDraft(text, 'multi_instance', new Map());
    const stored = local.items.get(DRAFT_KEY) ?? '';
    expect(stored.length).toBeLessThan(text.length / 10);
    const draft = loadAnyDraft();
    expect(draft && 'text' in draft && draft.text === text).toBe(true);
  });

  it('loads a draft an earlier version saved as a design', () => {
    local.setItem(DRAFT_KEY, JSON.stringify({ ...emptyDesign(), name: 'old-draft' }));
    const draft = loadAnyDraft();
    expect(draft && 'design' in draft && draft.design.name).toBe('old-draft');
  });
});
