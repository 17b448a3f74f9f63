/** The dashboard list's query parameters at the route boundary: parsed, or a 400 naming the parameter. */
import { ListQueryError, parseListQuery, wantsPagedList, type ListQuery } from '@/lib/services/list-query';
import { ApiError } from '@/lib/http/response';

/** Null when the request has no list parameter (the unpaged list). */
export function listQueryOf(params: URLSearchParams): ListQuery | null {
  if (!wantsPagedList(params)) return null;
  try {
    return parseListQuery(params);
  } catch (err) {
    if (err instanceof ListQueryError) throw new ApiError(400, err.message, { param: err.param });
    throw err;
  }
}
