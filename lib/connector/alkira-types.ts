/**
 * The Alkira REST JSON for an Azure ExpressRoute connector (camelCase), as the
 * official provider's Go client sends and reads it (see alkira-api.md).
 */

export interface AlkiraTunnel {
  name: string;
  id?: string;
  initiator: boolean;
  profileId?: number;
  ikeVersion?: string;
  preSharedKey?: string;
  remoteAuthType?: string;
  remoteAuthValue?: string;
}

export interface AlkiraCustomerGateway {
  name: string;
  id?: string;
  tunnels: AlkiraTunnel[];
}

export interface AlkiraInstanceSegmentOption {
  segmentName: string;
  customerGateways: AlkiraCustomerGateway[];
}

export interface AlkiraInstance {
  name: string;
  id?: number;
  expressRouteCircuitId: string;
  redundantRouter: boolean;
  loopbackSubnet: string;
  credentialId: string;
  gatewayMacAddresses?: string[];
  vnis?: number[];
  segmentOptions?: AlkiraInstanceSegmentOption[];
}

export interface AlkiraSegmentOption {
  segmentName: string;
  customerAsn: number;
  disableInternetExit: boolean;
  advertiseOnPremRoutes: boolean;
}

export interface AlkiraConnector {
  id?: number;
  name: string;
  description?: string;
  size: string;
  enabled: boolean;
  implicitGroupId?: number;
  vhubPrefix: string;
  tunnelProtocol: string;
  cxp: string;
  group?: string;
  billingTags: number[];
  instances: AlkiraInstance[];
  segmentOptions: AlkiraSegmentOption[];
}
