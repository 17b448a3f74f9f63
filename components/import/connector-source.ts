/**
 * The source text to show in the editor for one imported connector: the
 * whole file when it holds only that connector (comments, variables and
 * all), else just that resource block, so the editor holds one connector
 * and can keep syncing with the form.
 */
import { hclLanguage } from 'codemirror-lang-hcl';
import { textForLezer } from '@/lib/connector/hcl/import/lezer-input';
import type { ParsedHcl } from '@/lib/connector/hcl/parse';

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function connectorSource(text: string, parsed: ParsedHcl, index: number): string {
  if (parsed.designs.length <= 1) return text;
  const line = parsed.designs[index]?.line;
  if (line === undefined) return text;
  const blockStart = lineStartOffsets(text)[line - 1];
  const body = hclLanguage.parser.parse(textForLezer(text)).topNode.getChild('Body');
  for (let node = body?.firstChild ?? null; node; node = node.nextSibling) {
    if (node.name === 'Block' && node.from >= blockStart && text.lastIndexOf('\n', node.from - 1) + 1 === blockStart) {
      return text.slice(node.from, node.to).trimEnd() + '\n';
    }
  }
  return text;
}
