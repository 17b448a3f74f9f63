/**
 * "Download module (.zip)" in the designer: the file's connectors as a
 * Terraform module (lib/connector/export: main.tf with the file's data
 * sources, variables.tf, providers.tf, terraform.tfvars.example), zipped in the
 * browser. Keys never go into the files: each becomes a sensitive variable.
 * Loaded on click (the export and the zip code are not in the page's bundle).
 */
import { dataSourcesOf } from '@/lib/connector/hcl/data-sources';
import { importConnectors } from '@/lib/connector/hcl/parse';
import { renderModule } from '@/lib/connector/export/module';
import { zipFiles } from '@/lib/connector/export/zip';
import { parseHcl } from '@/lib/hcl/parser';
import { downloadBlob } from '@/lib/client/download';

export function downloadModule(text: string, resourceName: string | undefined): void {
  const file = parseHcl(text);
  const designs = importConnectors(file, { checkDesigns: false }).designs.map((d) => ({ design: d.design }));
  const zip = zipFiles(renderModule(designs, { dataSources: dataSourcesOf(file) }));
  const base = (resourceName ?? '').trim().replace(/[^A-Za-z0-9_.-]+/g, '_') || 'connector';
  downloadBlob(new Blob([zip as BlobPart], { type: 'application/zip' }), `${base}-module.zip`);
}
