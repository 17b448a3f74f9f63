import { ApiError, ok } from '../http';
import type { Handler, Route } from '../router';
import { provisionRequestJson } from '../provisioning';
import { getProvisionRequest } from '../store';
import { requireTenant } from './common';

const read: Handler = ({ params, now }) => {
  requireTenant(params.tn);
  const req = getProvisionRequest(params.id ?? '');
  if (!req) throw new ApiError(404, `Provision request ${params.id} not found`);
  return ok(provisionRequestJson(req, now));
};

export const provisionRoutes: Route[] = [
  { pattern: '/api/tenantnetworks/:tn/provision-requests/:id', methods: { GET: read } },
];
