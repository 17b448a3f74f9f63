/**
 * The tenant catalog the emulator starts with. Names match the Terraform
 * examples in alkira_connector_azure_expressroute.md so they resolve as-is
 * (segments prod/dmz/internal, groups networking/…, profiles 10/11/12/20/21).
 * Credential ids are fixed so tests and bookmarks stay valid across resets.
 */
import { TENANT_NETWORK_ID } from './config';

/** The emulator's catalog tables, named as its store keeps them (not the app's CatalogKind: `tags`, `ipsecTunnelProfiles`). */
export type EmulatorCatalogKind = 'segments' | 'groups' | 'credentials' | 'tags' | 'cxps' | 'ipsecTunnelProfiles';

export interface CatalogEntry {
  /** The key the API looks the object up by (id, or credentialId for credentials). */
  key: string;
  name: string;
  body: Record<string, unknown>;
}

export const TENANT_NETWORK_SUMMARY = {
  id: TENANT_NETWORK_ID,
  name: 'acme-tenant-network',
  state: 'ACTIVE',
  provisionState: 'SUCCESS',
};

const segments = [
  { id: 1, name: 'prod', asn: 65514, ipBlocks: { values: ['10.10.0.0/16'] } },
  { id: 2, name: 'dmz', asn: 65513, ipBlocks: { values: ['10.20.0.0/16'] } },
  { id: 3, name: 'internal', asn: 65512, ipBlocks: { values: ['10.30.0.0/16'] } },
  { id: 4, name: 'dev', asn: 65511, ipBlocks: { values: ['10.40.0.0/16'] } },
  { id: 5, name: 'shared-services', asn: 65510, ipBlocks: { values: ['10.50.0.0/16'] } },
];

const groups = [
  { id: 1, name: 'networking', description: 'Network team connectors' },
  { id: 2, name: 'core-network', description: 'Core backbone connectivity' },
  { id: 3, name: 'security', description: 'Security inspection and DMZ' },
  { id: 4, name: 'global-network', description: 'Multi-region connectivity' },
];

// Non-Azure credentials are here so clients must filter by credentialType.
const credentials = [
  {
    credentialId: '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e501',
    name: 'azure-prod',
    credentialType: 'azurevnet',
    subType: 'SERVICE_PRINCIPAL',
  },
  {
    credentialId: '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e502',
    name: 'azure-security',
    credentialType: 'azurevnet',
    subType: 'SERVICE_PRINCIPAL',
  },
  {
    credentialId: '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e503',
    name: 'azure-primary',
    credentialType: 'azurevnet',
    subType: 'SERVICE_PRINCIPAL',
  },
  {
    credentialId: '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e504',
    name: 'azure-backup',
    credentialType: 'azurevnet',
    subType: 'SERVICE_PRINCIPAL',
  },
  { credentialId: '9a8b7c6d-0000-4000-8000-00000000aw51', name: 'aws-prod', credentialType: 'awsvpc', subType: 'KEY' },
  {
    credentialId: '9a8b7c6d-0000-4000-8000-00000000gc52',
    name: 'gcp-prod',
    credentialType: 'gcpvpc',
    subType: 'SERVICE_ACCOUNT',
  },
];

const tags = [
  { id: 101, name: 'production', description: 'Production workloads' },
  { id: 102, name: 'networking', description: 'Network infrastructure' },
  { id: 103, name: 'cost-center-42', description: 'Billed to cost center 42' },
];

const cxps = [
  { id: 1, name: 'USWEST-AZURE-1', provider: 'AZURE', providerRegion: 'westus2', state: 'ACTIVE' },
  { id: 2, name: 'USEAST-AZURE-1', provider: 'AZURE', providerRegion: 'eastus', state: 'ACTIVE' },
  { id: 3, name: 'EUWEST-AZURE-1', provider: 'AZURE', providerRegion: 'westeurope', state: 'ACTIVE' },
  { id: 4, name: 'US-WEST-1', provider: 'AWS', providerRegion: 'us-west-2', state: 'ACTIVE' },
];

function profile(id: number, name: string, description: string, encryption: string, dhGroup: string) {
  return {
    id,
    name,
    description,
    ipSecConfiguration: { encryptionAlgorithm: encryption, integrityAlgorithm: 'SHA256', dhGroup },
    ikeConfiguration: { encryptionAlgorithm: encryption, integrityAlgorithm: 'SHA256', dhGroup },
  };
}

const ipsecTunnelProfiles = [
  profile(10, 'dmz-standard', 'DMZ gateways, AES-256', 'AES256CBC', 'MODP2048'),
  profile(11, 'internal-primary', 'Internal primary gateways', 'AES256CBC', 'MODP2048'),
  profile(12, 'internal-backup', 'Internal backup gateways', 'AES128CBC', 'MODP2048'),
  profile(20, 'prod-gcm', 'Production, AES-GCM', 'AES256GCM16', 'ECP384'),
  profile(21, 'backup-gcm', 'Backup circuits, AES-GCM', 'AES256GCM16', 'ECP384'),
];

function entries(list: Array<{ id: number; name: string }>): CatalogEntry[] {
  return list.map((o) => ({ key: String(o.id), name: o.name, body: { ...o } }));
}

export function seedCatalog(): Record<EmulatorCatalogKind, CatalogEntry[]> {
  return {
    segments: entries(segments),
    groups: entries(groups),
    credentials: credentials.map((c) => ({ key: c.credentialId, name: c.name, body: { ...c } })),
    tags: entries(tags),
    cxps: entries(cxps),
    ipsecTunnelProfiles: entries(ipsecTunnelProfiles),
  };
}
