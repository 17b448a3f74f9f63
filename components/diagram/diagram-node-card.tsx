'use client';

import { createContext, memo, useContext, useId, type KeyboardEvent } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { DiagramNode, DiagramNodeKind, ProvisionTone } from '@/lib/diagram/types';

export type TopologyFlowNode = Node<{ node: DiagramNode; highlighted: boolean }, 'topology'>;

export interface NodeActions {
  /** Click / Enter / Space: open the form part. */
  activate(formPath: string): void;
  /** Keyboard focus moved to the node: pan it into view if it is off screen. */
  reveal(nodeId: string): void;
}

/** Lets node cards report actions without putting callbacks into every node's data. */
export const NodeActionsContext = createContext<NodeActions>({ activate: () => {}, reveal: () => {} });

export const KIND_LABEL: Record<DiagramNodeKind, string> = {
  vhub: 'Alkira vHub',
  circuit: 'ExpressRoute circuit',
  router: 'Customer router',
  segment: 'Segment',
  gateway: 'Customer gateway',
  tunnel: 'IPsec tunnel',
};

const KIND_STYLE: Record<DiagramNodeKind, string> = {
  vhub: 'border-indigo-400 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950',
  circuit: 'border-sky-400 bg-white dark:border-sky-500 dark:bg-slate-900',
  router: 'border-slate-400 bg-slate-50 dark:border-slate-500 dark:bg-slate-800',
  segment: 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900',
  gateway: 'border-slate-400 bg-white dark:border-slate-500 dark:bg-slate-900',
  tunnel: 'border-slate-300 border-dashed bg-white dark:border-slate-600 dark:bg-slate-900',
};

const TONE_STYLE: Record<ProvisionTone, string> = {
  pending: 'border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950',
  success: 'border-emerald-500 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950',
  failed: 'border-red-500 bg-red-50 dark:border-red-400 dark:bg-red-950',
};

/** The text a tooltip and a screen reader get for a node's findings. */
export function issueSummary(node: DiagramNode): string {
  const lines = [...node.errors.map((m) => `Error: ${m}`), ...node.warnings.map((m) => `Warning: ${m}`)];
  return lines.join('\n');
}

function TopologyNodeCardImpl({ data }: NodeProps<TopologyFlowNode>) {
  const { node, highlighted } = data;
  const { activate, reveal } = useContext(NodeActionsContext);
  const descriptionId = useId();
  const hasErrors = node.errors.length > 0;
  const hasWarnings = !hasErrors && node.warnings.length > 0;
  const issues = issueSummary(node);
  const tone = node.provisionTone ? TONE_STYLE[node.provisionTone] : KIND_STYLE[node.kind];

  // Clicks are handled by React Flow's onNodeClick (without a handler there it
  // gives non-selectable nodes `pointer-events: none`); keys are handled here.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(node.formPath);
    }
  };

  return (
    <div
      role="button"
      tabIndex={0}
      data-testid={`diagram-node-${node.kind}`}
      data-form-path={node.formPath}
      data-errors={node.errors.length}
      aria-label={`${KIND_LABEL[node.kind]} ${node.title}`}
      aria-describedby={descriptionId}
      aria-current={highlighted ? 'true' : undefined}
      title={issues || undefined}
      onKeyDown={onKeyDown}
      onFocus={() => reveal(node.id)}
      className={[
        'relative flex h-full w-full flex-col overflow-hidden rounded-lg border-2 px-3 pt-1.5 text-left shadow-sm',
        // Focus is dashed so it stays distinguishable from the solid "selected" outline.
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-dashed focus-visible:outline-blue-600',
        tone,
        hasErrors ? 'ring-4 ring-red-500/70 dark:ring-red-400/70' : '',
        hasWarnings ? 'ring-2 ring-amber-400/80' : '',
        highlighted
          ? 'shadow-lg outline-[3px] outline-offset-[3px] outline-solid outline-blue-600 dark:outline-blue-400'
          : '',
      ].join(' ')}
    >
      {node.color ? (
        <span aria-hidden="true" className="absolute inset-y-0 left-0 w-1.5" style={{ backgroundColor: node.color }} />
      ) : null}
      <Handle type="target" position={Position.Left} isConnectable={false} className="!opacity-0" />
      <div className="flex h-[12px] items-center gap-1 text-[10px] font-semibold uppercase leading-none tracking-wide text-slate-600 dark:text-slate-300">
        <span>{KIND_LABEL[node.kind]}</span>
        {node.kind === 'tunnel' ? (
          <span className="ml-auto normal-case" aria-hidden="true">
            {node.initiator ? 'Alkira → customer' : 'customer → Alkira'}
          </span>
        ) : null}
      </div>
      <div className="flex h-[22px] items-center gap-1.5">
        {hasErrors ? (
          <span
            aria-hidden="true"
            className="inline-flex size-4 shrink-0 items-center justify-center rounded-full bg-red-600 text-[11px] font-bold text-white"
          >
            !
          </span>
        ) : hasWarnings ? (
          <span
            aria-hidden="true"
            className="inline-flex size-4 shrink-0 items-center justify-center rounded-full bg-amber-500 text-[11px] font-bold text-white"
          >
            !
          </span>
        ) : null}
        <span className="truncate text-[13px] font-semibold text-slate-900 dark:text-slate-50">{node.title}</span>
      </div>
      <ul className="text-[11.5px] leading-[17px] text-slate-700 dark:text-slate-300">
        {node.details.map((line, i) => (
          <li key={i} className="truncate font-mono">
            {line}
          </li>
        ))}
      </ul>
      <span id={descriptionId} className="sr-only">
        {issues || 'No issues.'}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!opacity-0" />
    </div>
  );
}

export const TopologyNodeCard = memo(TopologyNodeCardImpl);
