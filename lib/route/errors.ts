/**
 * The one import route files need for the JSON error shape
 * `{ "error": "<clear message>", "errors"?: [{ path, message }], ...extra }`:
 * `ApiError` to throw, `withErrorHandling` to wrap every handler.
 */
export { ApiError, errorResponse, jsonResponse, type FieldError } from '@/lib/http/response';
export { parseConnectorId, provisionFlag, toErrorResponse, withErrorHandling } from './handler';
