'use client';
/**
 * Review before provision, for a stored design: "Provision…" first shows the
 * plan — what would change on the live connector, attribute by attribute
 * (`~ update in-place`), or everything for a connector that does not exist
 * yet (`+ create`) — and only "Confirm" sends it. With nothing to change the
 * button is disabled and says "No changes".
 *
 * What is sent is the saved version (the server holds its keys and records
 * which version the connector now runs), so unsaved edits must be saved first.
 */
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectorDesign } from '@/lib/connector/design';
import { validateDesign } from '@/lib/connector/validate';
import { workspaceApi } from '@/lib/client/workspace-api';
import { useProvision } from '@/components/provisioning/use-provision';
import { usePermission } from '@/lib/client/viewer';
import { ProvisionAction } from '@/components/provisioning/provision-action';
import { createPlan } from '@/components/provisioning/whole-plan';
import { sameDesign } from './design-session';
import { driftKey } from './design-banner';
import { useNamedReferencesResolved } from '@/components/designer/named-references';

export interface WorkspaceProvisionProps {
  designId: number;
  /** The saved version the form was loaded from (what Provision sends). */
  version: number;
  baseDesign: ConnectorDesign;
  latestVersion: number;
  /** The live connector this design is linked to; absent before its first provision. */
  connectorId?: number;
  onProvisioned(): void;
  /** A provision request was accepted: the design now records the connector and the pending version. */
  onSent?(): void;
}

export function WorkspaceProvision({
  designId,
  version,
  baseDesign,
  latestVersion,
  connectorId,
  onProvisioned,
  onSent,
}: WorkspaceProvisionProps) {
  const queryClient = useQueryClient();
  const design = useWatch<ConnectorDesign>() as ConnectorDesign;
  const [reviewing, setReviewing] = useState(false);
  const unsaved = !sameDesign(design, baseDesign);
  const permission = usePermission('provision');
  const errorCount = useMemo(() => validateDesign(design).errors.length, [design]);
  // Picks written as data sources by name: the plan compares the ids the tenant's catalog has for those names.
  const named = useNamedReferencesResolved(baseDesign);

  // Once created, the connector is this design's: later sends update it.
  const [createdId, setCreatedId] = useState<number | undefined>(undefined);
  const targetId = connectorId ?? createdId;
  const provision = useProvision({
    design: baseDesign,
    connectorId,
    sendWith: async () => {
      const sent = await workspaceApi.provision(designId, version);
      // The banner reads the stored design: it must say "provisioning" now, not "not provisioned yet".
      onSent?.();
      return {
        connectorId: sent.connector_id,
        provisionRequestId: sent.provisionRequestId,
        operation: targetId === undefined ? 'create' : 'update',
      };
    },
    onCreated: (submitted) => setCreatedId(submitted.connectorId),
    onProvisioned: () => {
      void queryClient.invalidateQueries({ queryKey: driftKey(designId) });
      void queryClient.invalidateQueries({ queryKey: ['plan', designId] });
      onProvisioned();
    },
  });

  // The plan of the saved version against the live connector, kept current while nothing is unsaved.
  const plan = useQuery({
    queryKey: ['plan', designId, version, targetId ?? 'new', named.ready],
    queryFn: () => (targetId === undefined ? createPlan(named.design) : workspaceApi.plan(targetId, named.design)),
    enabled: !unsaved && !provision.running && named.ready,
    staleTime: 0,
  });

  const noChanges = plan.data !== undefined && plan.data.changes.length === 0 && targetId !== undefined;
  const [firstNameProblem] = named.problems;
  const blocked = permission.reason
    ? permission.reason
    : unsaved
      ? 'Save your changes as a version first: Provision sends a saved, reviewable version.'
      : version !== latestVersion
        ? `You are on version ${version}; load version ${latestVersion} (the latest) to provision it.`
        : errorCount > 0
          ? `Fix the ${errorCount} error${errorCount === 1 ? '' : 's'} listed above to provision.`
          : named.ready && firstNameProblem
            ? `${firstNameProblem.message} (${firstNameProblem.path})`
            : null;
  const disabled = blocked !== null || provision.running || plan.isPending || noChanges;
  const label = provision.mutation.isPending ? 'Submitting…' : noChanges ? 'No changes' : 'Provision…';

  const confirm = () => {
    setReviewing(false);
    provision.send();
  };

  return (
    <ProvisionAction
      label={label}
      onProvision={() => setReviewing(true)}
      disabled={disabled || reviewing}
      note={
        blocked ??
        (noChanges
          ? `Live connector #${targetId} already matches version ${version}.`
          : targetId === undefined
            ? `Creates a new connector from version ${version}. You will see the plan before anything is sent.`
            : `Updates live connector #${targetId} to version ${version}. You will see the plan before anything is sent.`)
      }
      plan={{
        open: reviewing,
        title:
          targetId === undefined
            ? `Create a connector from version ${version}?`
            : `Update connector #${targetId} to version ${version}?`,
        action: targetId === undefined ? 'create' : 'update',
        resourceName: baseDesign.resource_name,
        plan: plan.data,
        error: plan.isError ? plan.error.message : null,
        design: baseDesign,
        onConfirm: confirm,
        onCancel: () => setReviewing(false),
      }}
      provision={provision}
    >
      {plan.isError && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Could not work out the plan: {plan.error.message}
        </p>
      )}
    </ProvisionAction>
  );
}
