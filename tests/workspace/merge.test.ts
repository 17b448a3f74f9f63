/**
 * The three-way merge of a stale save: changes to different attributes or
 * blocks merge; the same attribute changed differently, or a block removed on
 * one side and changed on the other, is a conflict at its path that a
 * resolution settles; list items are matched by identity; typed secrets never
 * compare with stored ones.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectorDesign } from '@/lib/connector/design';
import { mergeDesigns, unresolvedConflicts } from '@/lib/connector/merge';
import { mergedFile } from '@/lib/connector/merge-file';
import { mergeText } from '@/lib/connector/text-merge';
import { designWithFile } from '../helpers/design-file';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { withStoredSecrets } from '@/lib/connector/sensitive';
import { basicDesign, ipsecDesign, parsedDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { gatewaysOf, instanceOf, tunnelOf as tunnelAt } from '../helpers/design-parts';
import { only } from '../helpers/present';

const ipsec = () => parsedDesign(ipsecDesign('merge-edge'));
const basic = () => parsedDesign(basicDesign('merge-basic'));
const gateways = (d: ConnectorDesign) => gatewaysOf(d);
const tunnelOf = (d: ConnectorDesign, g = 0) => tunnelAt(d, { gateway: g });
/** What the browser holds: every literal key as the stored secret. */
const asBrowser = (d: ConnectorDesign) => withStoredSecrets(d);

describe('mergeDesigns', () => {
  it('merges changes to different attributes from both sides', () => {
    const base = basic();
    const theirs = basic();
    theirs.size = 'LARGE';
    const mine = basic();
    mine.description = 'mine';
    const { merged, conflicts } = mergeDesigns(base, theirs, mine);
    expect(conflicts).toEqual([]);
    expect(merged.size).toBe('LARGE');
    expect(merged.description).toBe('mine');
  });

  it('is no conflict when both sides made the same change', () => {
    const theirs = basic();
    theirs.size = 'LARGE';
    const mine = basic();
    mine.size = 'LARGE';
    expect(mergeDesigns(basic(), theirs, mine)).toEqual({ merged: theirs, conflicts: [] });
  });

  it('lists the same attribute changed differently as a conflict, and honours the choice', () => {
    const theirs = basic();
    theirs.size = 'LARGE';
    const mine = basic();
    mine.size = '2LARGE';
    mine.description = 'mine';
    const proposal = mergeDesigns(basic(), theirs, mine);
    expect(proposal.conflicts).toEqual([
      { id: '["size"]', path: ['size'], kind: 'attribute', base: 'MEDIUM', theirs: 'LARGE', mine: '2LARGE' },
    ]);
    expect(proposal.merged.size).toBe('LARGE');
    expect(proposal.merged.description).toBe('mine');
    expect(unresolvedConflicts(proposal.conflicts, {})).toHaveLength(1);
    expect(mergeDesigns(basic(), theirs, mine, { '["size"]': 'mine' }).merged.size).toBe('2LARGE');
    expect(mergeDesigns(basic(), theirs, mine, { '["size"]': 'theirs' }).merged.size).toBe('LARGE');
    expect(unresolvedConflicts(proposal.conflicts, { '["size"]': 'mine' })).toEqual([]);
  });

  it('keeps blocks added on both sides, and matches list items by identity, not position', () => {
    const base = ipsec();
    const theirs = ipsec();
    // Theirs reorders the gateways and changes the second one's tunnel.
    gateways(theirs).reverse();
    tunnelOf(theirs, 0).initiator = true;
    theirs.segment_options = [
      { segment_id: '2', customer_asn: '65010', disable_internet_exit: false, advertise_on_prem_routes: false },
    ];
    const mine = ipsec();
    // Mine changes the first gateway's tunnel and adds an instance.
    tunnelOf(mine, 0).ike_version = 'IKEv1';
    mine.instances.push({
      ...structuredClone(instanceOf(mine)),
      name: 'mine-instance',
      loopback_subnet: '192.168.40.0/26',
    });
    const { merged, conflicts } = mergeDesigns(base, theirs, mine);
    expect(conflicts).toEqual([]);
    // Theirs' order; the "dmz" gateway (now second) carries mine's change, the "internal" one theirs.
    expect(gateways(merged).map((g) => g.segment_id)).toEqual(['3', '2']);
    expect(tunnelOf(merged, 1).ike_version).toBe('IKEv1');
    expect(tunnelOf(merged, 0).initiator).toBe(true);
    expect(merged.instances.map((i) => i.name)).toEqual([instanceOf(base).name, 'mine-instance']);
    expect(merged.segment_options?.map((s) => s.segment_id)).toEqual(['2']);
  });

  it('merges a block both sides added with the same identity attribute by attribute', () => {
    const add = (d: ConnectorDesign, subnet: string, redundant: boolean) => {
      d.instances.push({
        ...structuredClone(instanceOf(d)),
        name: 'added',
        loopback_subnet: subnet,
        redundant_router: redundant,
      });
      return d;
    };
    const { merged, conflicts } = mergeDesigns(
      basic(),
      add(basic(), '192.168.50.0/26', false),
      add(basic(), '192.168.60.0/26', false),
    );
    expect(merged.instances).toHaveLength(2);
    expect(conflicts.map((c) => c.path)).toEqual([['instances', 1, 'loopback_subnet']]);
    expect(only(conflicts).id).toBe('["instances","added","loopback_subnet"]');
  });

  it('removes a block one side removed and the other left alone; a block removed and changed is a conflict', () => {
    const base = ipsec();
    const theirs = ipsec();
    gateways(theirs).pop();
    const mine = asBrowser(ipsec());
    mine.size = 'LARGE';
    const clean = mergeDesigns(base, theirs, mine);
    expect(clean.conflicts).toEqual([]);
    expect(gateways(clean.merged).map((g) => g.segment_id)).toEqual(['2']);
    expect(clean.merged.size).toBe('LARGE');

    // Mine changed the gateway theirs removed: nothing of mine goes without a choice.
    tunnelOf(mine, 1).initiator = true;
    const conflicted = mergeDesigns(base, theirs, mine);
    expect(conflicted.conflicts).toEqual([
      expect.objectContaining({
        id: '["instances","multi-segment-instance","ipsec_customer_gateway","3"]',
        path: ['instances', 0, 'ipsec_customer_gateway', 1],
        kind: 'block',
      }),
    ]);
    expect(only(conflicted.conflicts).theirs).toBeUndefined();
    expect(gateways(conflicted.merged)).toHaveLength(1);
    const id = only(conflicted.conflicts).id;
    const keptMine = mergeDesigns(base, theirs, mine, { [id]: 'mine' }).merged;
    expect(gateways(keptMine).map((g) => g.segment_id)).toEqual(['2', '3']);
    expect(tunnelOf(keptMine, 1).initiator).toBe(true);

    // And the other way round: theirs changed a block mine removed.
    const theirsChanged = ipsec();
    tunnelOf(theirsChanged, 1).initiator = true;
    const mineRemoved = asBrowser(ipsec());
    gateways(mineRemoved).pop();
    const other = mergeDesigns(base, theirsChanged, mineRemoved);
    expect(other.conflicts).toHaveLength(1);
    expect(only(other.conflicts).mine).toBeUndefined();
    expect(gateways(other.merged)).toHaveLength(2);
    expect(
      gateways(mergeDesigns(base, theirsChanged, mineRemoved, { [only(other.conflicts).id]: 'mine' }).merged),
    ).toHaveLength(1);
  });

  it('a stored secret from the browser keeps what is stored, and theirs changing that key wins without a conflict', () => {
    const base = ipsec();
    const theirs = ipsec();
    tunnelOf(theirs).pre_shared_key = 'theirs-new-key-1!';
    const mine = asBrowser(ipsec());
    mine.size = 'LARGE';
    const { merged, conflicts } = mergeDesigns(base, theirs, mine);
    expect(conflicts).toEqual([]);
    expect(tunnelOf(merged).pre_shared_key).toBe('theirs-new-key-1!');
    expect(tunnelOf(merged, 1).pre_shared_key).toBe(PSK_INTERNAL);
    expect(merged.size).toBe('LARGE');
  });

  it('a typed secret always counts as changed: the same key typed again conflicts with theirs like any other, shown as (sensitive)', () => {
    const base = ipsec();
    const theirs = ipsec();
    tunnelOf(theirs).pre_shared_key = 'theirs-new-key-1!';
    // Mine types the key that is stored in base (a guess that happens to be right) — and another that is new.
    const right = asBrowser(ipsec());
    tunnelOf(right).pre_shared_key = PSK_DMZ;
    const wrong = asBrowser(ipsec());
    tunnelOf(wrong).pre_shared_key = 'a-wrong-guess-9!';
    const a = mergeDesigns(base, theirs, right);
    const b = mergeDesigns(base, theirs, wrong);
    // The same answer whether the guess was right or not.
    expect(a.conflicts).toEqual(b.conflicts);
    expect(a.conflicts).toEqual([
      {
        id: '["instances","multi-segment-instance","ipsec_customer_gateway","2","customer_gateway","dmz-primary-gateway","tunnel","primary-tunnel","pre_shared_key"]',
        path: ['instances', 0, 'ipsec_customer_gateway', 0, 'customer_gateway', 0, 'tunnel', 0, 'pre_shared_key'],
        kind: 'attribute',
        base: '(sensitive)',
        theirs: '(sensitive)',
        mine: '(sensitive)',
      },
    ]);
    const text = JSON.stringify(a.conflicts);
    for (const secret of [PSK_DMZ, 'theirs-new-key-1!']) expect(text).not.toContain(secret);
    // The choice is honoured with the real values.
    expect(tunnelOf(mergeDesigns(base, theirs, wrong, { [only(a.conflicts).id]: 'mine' }).merged).pre_shared_key).toBe(
      'a-wrong-guess-9!',
    );
    expect(
      tunnelOf(mergeDesigns(base, theirs, wrong, { [only(a.conflicts).id]: 'theirs' }).merged).pre_shared_key,
    ).toBe('theirs-new-key-1!');
    // Theirs untouched: a typed key simply wins, whether or not it equals the stored one.
    expect(tunnelOf(mergeDesigns(base, ipsec(), wrong).merged).pre_shared_key).toBe('a-wrong-guess-9!');
    expect(mergeDesigns(base, ipsec(), right).conflicts).toEqual([]);
  });

  it('a typed secret in a block theirs removed is a conflict, never dropped silently', () => {
    const base = ipsec();
    const theirs = ipsec();
    gateways(theirs).pop();
    const mine = asBrowser(ipsec());
    tunnelOf(mine, 1).pre_shared_key = PSK_INTERNAL;
    const { conflicts } = mergeDesigns(base, theirs, mine);
    expect(conflicts.map((c) => c.kind)).toEqual(['block']);
    expect(JSON.stringify(conflicts)).not.toContain(PSK_INTERNAL);
  });

  it('leaves a stored secret with nothing stored as the stored secret (the caller refuses it)', () => {
    const base = ipsec();
    const mine = asBrowser(ipsec());
    mine.instances.push({ ...structuredClone(instanceOf(mine)), name: 'copy', loopback_subnet: '192.168.70.0/26' });
    const merged = mergeDesigns(base, ipsec(), mine).merged;
    expect(tunnelOf(merged).pre_shared_key).toBe(PSK_DMZ);
    expect(tunnelAt(merged, { instance: 1 }).pre_shared_key).toEqual(STORED_SECRET);
  });
});

describe('mergedFile', () => {
  it("applies the merge to theirs' file: comments, other blocks and key variables stay, no key in clear", () => {
    const { design, hcl, label } = designWithFile('merge-file');
    const base = parsedDesign(design);
    const theirs = parsedDesign(design);
    theirs.size = 'LARGE';
    // Theirs' file has the size change, and a comment of theirs.
    const theirsFile = hcl
      .replace('"2LARGE" # sized for the DMZ peak', '"LARGE" # sized for the DMZ peak')
      .replace('# Keys come', '# Theirs: reviewed.\n# Keys come');
    const mine = asBrowser(parsedDesign(design));
    mine.description = 'Merged from mine';
    const { merged } = mergeDesigns(base, theirs, mine);
    const file = mergedFile(theirsFile, label, merged);
    expect(file.dropped).toBeUndefined();
    expect(file.hcl).toContain('size            = "LARGE" # sized for the DMZ peak');
    expect(file.hcl).toContain('# Theirs: reviewed.');
    expect(file.hcl).toContain('resource "alkira_group" "security"');
    expect(file.hcl).toMatch(/description\s+= "Merged from mine"/);
    for (const secret of [PSK_DMZ, PSK_INTERNAL]) expect(file.hcl).not.toContain(secret);
  });

  it("keeps both people's comments when the three files' lines merge", () => {
    const { design, hcl, label } = designWithFile('merge-file');
    const base = parsedDesign(design);
    const theirs = parsedDesign(design);
    theirs.size = 'LARGE';
    const theirsFile = hcl
      .replace('"2LARGE" # sized for the DMZ peak', '"LARGE" # sized for the DMZ peak')
      .replace('# Keys come', '# Theirs: reviewed.\n# Keys come');
    const mine = asBrowser(parsedDesign(design));
    mine.description = 'Merged from mine';
    // Mine's file: a comment of mine above the resource, and the description (as the designer saved it).
    const mineFile = hcl.replace(
      'resource "alkira_group" "security"',
      '# Mine: the group the DMZ uses.\nresource "alkira_group" "security"',
    );
    const { merged } = mergeDesigns(base, theirs, mine);
    const file = mergedFile(theirsFile, label, merged, { base: hcl, mine: mineFile });
    expect(file.dropped).toBeUndefined();
    expect(file.hcl).toContain('# Theirs: reviewed.');
    expect(file.hcl).toContain('# Mine: the group the DMZ uses.');
    expect(file.hcl).toContain('size            = "LARGE" # sized for the DMZ peak');
    expect(file.hcl).toMatch(/description\s+= "Merged from mine"/);
    // Lines both changed differently do not merge: theirs' file, with the merged design applied, as before.
    const clash = hcl.replace('"2LARGE" # sized for the DMZ peak', '"SMALL" # mine');
    const fallback = mergedFile(theirsFile, label, merged, { base: hcl, mine: clash });
    expect(fallback.hcl).toContain('# Theirs: reviewed.');
    expect(fallback.hcl).not.toContain('# mine');
  });

  it('has no file when there is none to start from, and says why when the merge cannot be applied to it', () => {
    expect(mergedFile(null, 'x', basic())).toEqual({ hcl: null });
    const broken = mergedFile('resource "alkira_connector_azure_expressroute" "x" {', 'x', basic());
    expect(broken.hcl).toBeNull();
    expect(broken.dropped).toMatch(/line 1/);
  });
});

describe('mergeText', () => {
  const base = ['a', 'b', 'c', 'd', 'e'].join('\n');
  it("takes each side's changes to different lines", () => {
    expect(mergeText(base, 'a\nB\nc\nd\ne', 'a\nb\nc\nD\ne')).toBe('a\nB\nc\nD\ne');
    expect(mergeText(base, 'x\na\nb\nc\nd\ne', 'a\nb\nc\nd\ne\ny')).toBe('x\na\nb\nc\nd\ne\ny');
    expect(mergeText(base, 'a\nc\nd\ne', 'a\nb\nc\nd\nE')).toBe('a\nc\nd\nE');
  });
  it('is one change when both made it, and no merge when they differ on the same lines', () => {
    expect(mergeText(base, 'a\nB\nc\nd\ne', 'a\nB\nc\nd\ne')).toBe('a\nB\nc\nd\ne');
    expect(mergeText(base, 'a\nB\nc\nd\ne', 'a\nX\nc\nd\ne')).toBeNull();
    expect(mergeText(base, 'a\nb\nT\nc\nd\ne', 'a\nb\nM\nc\nd\ne')).toBeNull();
  });
});
