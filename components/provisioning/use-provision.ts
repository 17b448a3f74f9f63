'use client';
/**
 * Sending a design to Alkira and following it: creates the connector (POST)
 * or, once there is one, replaces it (PUT); then polls the provision request
 * until it ends, reporting SUCCESS once. Shared by the designer's Provision
 * panel and the workspace's reviewed provisioning.
 */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProvisionOperation } from '@/lib/connector/alkira-types';
import type { ConnectorDesign } from '@/lib/connector/design';
import { api } from '@/lib/client/api';
import { queryKeys, useProvisionRequest } from '@/lib/client/hooks';
import { isTerminalState } from '@/lib/client/provision-state';

export interface SubmittedProvision {
  connectorId: number;
  provisionRequestId: string | null;
  operation: Exclude<ProvisionOperation, 'delete'>;
}

export interface UseProvisionOptions {
  design: ConnectorDesign;
  /** The live connector this design edits; absent for a new connector. */
  connectorId?: number;
  /** Called with the connector id once its provision request ends in SUCCESS. */
  onProvisioned?(id: number, submitted: SubmittedProvision): void;
  /** Called once a create has been accepted (before provisioning ends). */
  onCreated?(submitted: SubmittedProvision): void;
  /** A create already submitted (e.g. before a remount): followed as if just sent. */
  resume?: SubmittedProvision;
  /** Sends some other way than POST/PUT /api/connectors (e.g. a stored design's version, whose keys only the server holds). */
  sendWith?(): Promise<SubmittedProvision>;
}

export function useProvision({ design, connectorId, onProvisioned, onCreated, resume, sendWith }: UseProvisionOptions) {
  const queryClient = useQueryClient();
  const [submitted, setSubmitted] = useState<SubmittedProvision | null>(resume ?? null);
  // Once a connector was created, later sends update it rather than creating a duplicate.
  const targetId = connectorId ?? submitted?.connectorId;

  const mutation = useMutation({
    // `sent`: the design a reviewed plan was made for (what Confirm sends); else the current one.
    mutationFn: async (sent: ConnectorDesign | undefined): Promise<SubmittedProvision> => {
      if (sendWith) return sendWith();
      const body = sent ?? design;
      if (targetId !== undefined) {
        const res = await api.updateConnector(targetId, body);
        return { connectorId: res.id ?? targetId, provisionRequestId: res.provisionRequestId, operation: 'update' };
      }
      const res = await api.createConnector(body);
      return { connectorId: res.id, provisionRequestId: res.provisionRequestId, operation: 'create' };
    },
    onSuccess: (result) => {
      setSubmitted(result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.connectors });
      void queryClient.invalidateQueries({ queryKey: queryKeys.connector(result.connectorId) });
      if (result.operation === 'create') onCreated?.(result);
    },
  });

  const request = useProvisionRequest(submitted?.provisionRequestId);
  // Until the first poll answers, a just-submitted request is PENDING.
  const state = submitted ? (submitted.provisionRequestId ? (request.data?.state ?? 'PENDING') : null) : null;
  const running = mutation.isPending || (submitted?.provisionRequestId != null && !isTerminalState(state));

  // Report SUCCESS once per provision request.
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!submitted?.provisionRequestId || state !== 'SUCCESS') return;
    if (reported.current === submitted.provisionRequestId) return;
    reported.current = submitted.provisionRequestId;
    void queryClient.invalidateQueries({ queryKey: queryKeys.connectors });
    onProvisioned?.(submitted.connectorId, submitted);
  }, [state, submitted, onProvisioned, queryClient]);

  return {
    send: (sent?: ConnectorDesign) => mutation.mutate(sent),
    mutation,
    submitted,
    request,
    state,
    running,
    targetId,
  };
}
