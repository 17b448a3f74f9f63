/**
 * The HCL part of `npm run bench`: import-parse time of the 640-tunnel file
 * (~300 KB), of 1 MB inputs (a file, and one string), per KB to show it is
 * linear, of pathological inputs, and a lossless document edit (one form
 * change applied to the large file in place).
 */
import { performance } from 'node:perf_hooks';
import { parseConnectorHcl } from '../lib/connector/hcl/parse';
import { renderConnectorHcl } from '../lib/connector/hcl/render';
import { editConnectorDocument, renderedDocument, updateConnectorInHcl } from '../lib/connector/hcl/document/edit';
import { largeIpsecDesign } from './bench-designs';

function median(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const CONNECTOR_HEAD = 'resource "alkira_connector_azure_expressroute" "big" {\n  name        = "big"\n  description = "';

export function hclBenchInputs(): { label: string; text: string; runs: number }[] {
  const large = renderConnectorHcl(largeIpsecDesign());
  // Enough connectors (unique labels) for about 1 MB.
  const copies = Math.ceil(1_000_000 / large.length);
  const megabyteFile = Array.from({ length: copies }, (_, k) => large.replace(/"large"/g, `"large_${k}"`).replace(/variable "large_/g, `variable "large${k}_`)).join('\n');
  return [
    { label: `640-tunnel file (${Math.round(large.length / 1024)} KB)`, text: large, runs: 15 },
    { label: `${copies} such files in one (${Math.round(megabyteFile.length / 1024)} KB)`, text: megabyteFile, runs: 5 },
    { label: 'one 1 MB string value', text: `${CONNECTOR_HEAD}${'x'.repeat(1_000_000)}"\n}\n`, runs: 5 },
    { label: "'{' × 10000", text: '{'.repeat(10_000), runs: 5 },
    { label: "'[' × 10000 then ']' × 10000", text: `${CONNECTOR_HEAD}"\n  group = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}\n`, runs: 5 },
    { label: 'blocks nested 3000 deep', text: 'a {\n'.repeat(3000) + '}\n'.repeat(3000), runs: 5 },
  ];
}

export async function benchHcl(): Promise<void> {
  console.log('\nHCL import-parse (parseConnectorHcl, in process; median)');
  for (const { label, text, runs } of hclBenchInputs()) {
    const ms = median(() => parseConnectorHcl(text), runs);
    const perKb = ms / (text.length / 1024);
    console.log(`  ${label.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms   ${(perKb * 1000).toFixed(0).padStart(5)} µs/KB`);
  }
  const design = largeIpsecDesign();
  const source = renderConnectorHcl(design);
  const edited = structuredClone(design);
  edited.instances[3].name = 'renamed-instance';
  const ms = median(() => updateConnectorInHcl(source, edited), 10);
  console.log(`  ${'lossless edit of the 640-tunnel file'.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms   (file imported first)`);
  // As the designer types: each keystroke continues from the previous edit, and unchanged blocks are the same objects.
  let previous = renderedDocument(source, design);
  let current = design;
  const typed = median(() => {
    current = { ...current, instances: current.instances.map((inst, k) => (k === 3 ? { ...inst, name: `${inst.name}x` } : inst)) };
    previous = editConnectorDocument(previous.text, current, {}, previous);
  }, 50);
  console.log(`  ${'  the same, one keystroke after another'.padEnd(40)} ${typed.toFixed(1).padStart(8)} ms   (continuing from the previous edit)`);
}

if (process.argv[1]?.endsWith('bench-hcl.ts')) {
  benchHcl().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
