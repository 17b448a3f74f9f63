'use client';
/**
 * The designer's "Provision" action: the shared `ProvisionPanel` fed with the
 * live form values. It creates a connector for a new design and replaces the
 * live one in edit mode, each only after its plan is confirmed; in edit mode the
 * plan also says when a workspace design manages the connector. While the form has errors the button is disabled and
 * says why; Terraform expressions are pointed out before the click, because
 * they export fine as HCL but cannot be sent to the API (the server then lists
 * each unresolved reference).
 */
import { useEffect, useMemo, useState } from 'react';
import { withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { activeProtocolViews, expressionPathsWithin } from './version-memos';
import { useDesignState, useFileProblem } from './design-document-context';
import { ProvisionPanel, type SubmittedProvision } from '@/components/provisioning/provision-panel';
import { createdFor, forgetCreated } from './created-connector';
import { hclPath } from '@/lib/connector/hcl-path';
import { expressionPaths } from './design-references';
import { useNamedReferencesResolved } from './named-references';
import { ManagedByNotice, useManagingDesigns } from '@/components/provisioning/managed-by-notice';

const SHOWN_PATHS = 4;

function ProvisionNote({
  errorCount,
  expressions,
  fileProblem,
}: {
  errorCount: number;
  expressions: string[];
  fileProblem: string | null;
}) {
  if (fileProblem) return <p className="text-red-800 dark:text-red-300">{fileProblem}</p>;
  if (errorCount > 0) {
    return (
      // Not red: on a fresh form these are fields still to fill in (the Validation box says which).
      <p className="text-slate-700 dark:text-slate-300">
        Fix the {errorCount} error{errorCount === 1 ? '' : 's'} listed above to provision.
      </p>
    );
  }
  if (expressions.length === 0) return null;
  const shown = expressions.slice(0, SHOWN_PATHS);
  return (
    <p className="text-amber-900 [overflow-wrap:anywhere] dark:text-amber-200">
      {expressions.length} value
      {expressions.length === 1 ? ' is a Terraform expression' : 's are Terraform expressions'} (
      {shown.map((p, i) => (
        <span key={p}>
          {i > 0 && ', '}
          <code className="font-mono text-xs">{hclPath(p)}</code>
        </span>
      ))}
      {expressions.length > SHOWN_PATHS && ', …'}). They export as HCL, but provisioning needs picks from the tenant
      catalog.
    </p>
  );
}

export function DesignerProvision(props: {
  connectorId?: number;
  onProvisioned?: (id: number) => void;
  onCreated?: (submitted: SubmittedProvision) => void;
}) {
  const { connectorId } = props;
  const formDesign = useDesignState((s) => s.design);
  // What is sent: without the values of the protocol not in use.
  const design = useMemo(() => withoutInactiveProtocolValues(formDesign, activeProtocolViews), [formDesign]);
  // A create submitted just before the page switched to editing it: keep following it.
  const [resume] = useState(() => createdFor(connectorId));
  useEffect(() => {
    if (connectorId !== undefined) forgetCreated(connectorId);
  }, [connectorId]);
  const errorCount = useDesignState((s) => s.check.errors.length);
  const fileProblem = useFileProblem();
  // Picks written as data sources by name are sent as the ids the catalog has for those names.
  const named = useNamedReferencesResolved(design);
  const expressions = useMemo(() => expressionPaths(named.design, expressionPathsWithin), [named.design]);
  const [firstNameProblem] = named.problems;
  const nameProblem = firstNameProblem ? `${firstNameProblem.message} (${firstNameProblem.path})` : null;
  const blocked = fileProblem ?? (named.ready ? nameProblem : null);
  const managing = useManagingDesigns(connectorId).data ?? [];
  return (
    <ProvisionPanel
      design={named.design}
      connectorId={connectorId}
      disabled={errorCount > 0 || blocked !== null || !named.ready}
      note={
        errorCount > 0 || expressions.length > 0 || blocked ? (
          <ProvisionNote errorCount={errorCount} expressions={expressions} fileProblem={blocked} />
        ) : undefined
      }
      onProvisioned={props.onProvisioned}
      onCreated={props.onCreated}
      resume={resume}
      updateNotice={
        connectorId !== undefined && managing.length > 0 ? (
          <ManagedByNotice designs={managing} connectorId={connectorId} />
        ) : undefined
      }
    />
  );
}
