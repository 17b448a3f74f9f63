/**
 * The Alkira REST JSON for an Azure ExpressRoute connector (camelCase), as the
 * official provider's Go client sends and reads it (see alkira-api.md),
 * derived from the resource description (./resource): names are the
 * description's `api` names, presence follows what the mapping sends
 * (./resource/api-types.ts). Nothing here names an attribute.
 */
import type { ApiBody } from './resource/api-types';
import type { ConnectorResource } from './resource';

type InstanceBlock = ConnectorResource['blocks']['instances'];
type IpsecBlock = InstanceBlock['body']['blocks']['ipsec_customer_gateway'];
type GatewayBlock = IpsecBlock['body']['blocks']['customer_gateway'];

/**
 * A settable number in a body mapped from a design. A design not resolved yet
 * (the designer's preview) keeps a `${expression}` or text still being typed
 * as written; resolveDesign refuses to send such a body, so what reaches the
 * service is a number.
 */
export type AlkiraNumber = number | string;

export type AlkiraConnector = ApiBody<ConnectorResource, AlkiraNumber>;
export type AlkiraInstance = AlkiraConnector['instances'][number];
export type AlkiraInstanceSegmentOption = NonNullable<AlkiraInstance[IpsecBlock['api']]>[number];
export type AlkiraCustomerGateway = AlkiraInstanceSegmentOption[GatewayBlock['api']][number];
export type AlkiraTunnel = AlkiraCustomerGateway[GatewayBlock['body']['blocks']['tunnel']['api']][number];
export type AlkiraSegmentOption = AlkiraConnector['segmentOptions'][number];

/** A connector body the service has checked: every settable number is a number. */
export type CheckedAlkiraConnector = ApiBody<ConnectorResource, number>;

/** What a provision request does to the connector (the `operation` of the service's provision request). */
export const PROVISION_OPERATIONS = ['create', 'update', 'delete'] as const;
export type ProvisionOperation = (typeof PROVISION_OPERATIONS)[number];
