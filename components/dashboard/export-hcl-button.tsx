'use client';
/**
 * "Export as Terraform": downloads the live connector as `<resource_name>.tf`
 * — its design rendered as HCL in the browser, plus an `import` block with
 * the connector's id so the team can adopt it into Terraform state instead of
 * creating a duplicate. Pre-shared keys arrive as stored secrets and are
 * emitted as sensitive variables, never as literals.
 */
import { api } from '@/lib/client/api';
import { useAsyncAction } from '@/lib/client/use-async-action';
import { withImportBlock } from '@/lib/connector/hcl/import-block';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { secondaryButtonClass } from './button-styles';
import { downloadText } from '@/lib/client/download';

export function ExportHclButton({ connectorId }: { connectorId: number }) {
  const { busy, error, run } = useAsyncAction();

  const exportHcl = () =>
    run(async () => {
      const design = await api.getConnectorDesign(connectorId);
      // Every stored key (and, in variable mode, every literal one) becomes a sensitive variable.
      const hcl = renderConnectorHcl(design, { preSharedKeys: 'variable' });
      downloadText(
        withImportBlock(hcl, design.resource_name, connectorId),
        `${design.resource_name || 'connector'}.tf`,
      );
    });

  return (
    <span className="inline-flex flex-col">
      <button type="button" className={secondaryButtonClass} onClick={() => void exportHcl()} disabled={busy}>
        {busy ? 'Exporting…' : 'Export as Terraform'}
      </button>
      {error && (
        <span role="alert" className="mt-1 text-xs text-red-800">
          Export failed: {error}
        </span>
      )}
    </span>
  );
}
