/**
 * What the tenant checks read: a snapshot of the tenant (the other
 * connectors' names, ids and address space; the catalog the references point
 * into) and the findings they answer, in the rules' shape.
 */
import type { ReferenceKind } from '../resource';

/** One connector of the tenant, reduced to what the checks compare. */
export interface TenantConnector {
  id: number | string;
  name: string;
  /** `a.b.c.d/23` as the tenant has it (anything unreadable is ignored). */
  vhubPrefix?: string | null;
  /** Each instance's loopback subnet, in instance order. */
  loopbackSubnets: Array<string | null | undefined>;
}

/** A catalog object: its id as the design writes it, and its name. */
export interface CatalogEntry {
  id: string | number;
  name: string;
}

/**
 * The catalog the design's literal references must name. A kind left out
 * (undefined) is not checked; an empty list means the tenant has none.
 */
export type TenantCatalog = Partial<Record<ReferenceKind, readonly CatalogEntry[]>>;

export interface TenantSnapshot {
  connectors: readonly TenantConnector[];
  catalog: TenantCatalog;
}

export type TenantSeverity = 'error' | 'warning';

/** A finding of the tenant checks: a rule finding (`DesignIssue`) with its severity. */
export interface TenantFinding {
  path: string;
  message: string;
  severity: TenantSeverity;
  ruleId: TenantRuleId;
  /** The replacement value that resolves it (the next free /23 or /26, the id of the object named). */
  fix?: string;
}

export const TENANT_RULE_IDS = {
  vhubOverlap: 'tenant-vhub-prefix-overlap',
  loopbackOverlap: 'tenant-loopback-subnet-overlap',
  nameTaken: 'tenant-name-taken',
  unknownReference: 'tenant-unknown-reference',
  externalReference: 'tenant-external-reference',
} as const;

export type TenantRuleId = (typeof TENANT_RULE_IDS)[keyof typeof TENANT_RULE_IDS];

export interface TenantCheckOptions {
  /**
   * The tenant connector this design is (an edit of a provisioned
   * connector): its own name and addresses do not count against it.
   */
  linkedConnectorId?: number | string | null;
  /**
   * What the design's file declares (`alkira_segment.prod`, `data.alkira_segment.dmz`: ./references.ts
   * `declaredAddresses`); a reference expression naming anything else is marked external. Undefined: there is
   * no file (a design alone), so every reference expression is external.
   */
  declared?: ReadonlySet<string>;
}
