import type { NextFunction, Request, Response } from 'express';
import { FieldError, ValidationFailed } from './domain-error';

/**
 * Bounds on a JSON body, checked once for every request before anything else looks at it (the
 * guards, the Idempotency-Key hash, class-transformer, which recurses once per level and ran out
 * of stack on 3,000 nested `[`). The deepest body the API takes is a list of objects in an
 * object (three levels); the largest, a settlement's 500 lines of four fields.
 */
export const MAX_JSON_DEPTH = 16;
/** A UTF-16 surrogate on its own (in Unicode mode, a paired one is one code point, not Cs). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Values (objects, arrays, strings, numbers, …) in one body. */
export const MAX_JSON_VALUES = 20_000;

/**
 * Why a parsed JSON body is not acceptable, or null: the body, when there is one, is an object
 * (every route takes named fields), nested at most MAX_JSON_DEPTH levels, made of at most
 * MAX_JSON_VALUES values, and its texts are well-formed Unicode (a lone surrogate, `"\ud800"`,
 * is no character: validators that encode it throw, and no column stores it). Walks with an
 * explicit stack, so no body can exhaust the call stack here; names the field where it can.
 */
export function jsonBodyProblem(body: unknown): FieldError | null {
  if (body === undefined) return null;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { field: 'body', message: 'nội dung gửi lên phải là một đối tượng JSON ({ … })' };
  }
  const tooMany = { field: 'body', message: `nội dung có quá nhiều giá trị (tối đa ${MAX_JSON_VALUES})` };
  const stack: Array<{ value: object; depth: number; path: string }> = [{ value: body, depth: 1, path: '' }];
  let values = 1;
  while (stack.length) {
    const { value, depth, path } = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) return { field: 'body', message: `nội dung lồng quá sâu (tối đa ${MAX_JSON_DEPTH} tầng)` };
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((child, i) => [`${path}[${i}]`, child]) : Object.entries(value).map(([key, child]) => [path ? `${path}.${key}` : key, child]);
    for (const [childPath, child] of entries) {
      if (++values > MAX_JSON_VALUES) return tooMany;
      if (LONE_SURROGATE.test(childPath)) return { field: 'body', message: 'tên trường không phải văn bản Unicode hợp lệ' };
      if (typeof child === 'string' && LONE_SURROGATE.test(child)) return { field: childPath, message: 'không phải văn bản Unicode hợp lệ' };
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return null;
}

/** Whether the request's body was parsed from JSON (the only parser that nests). */
function isJson(request: Request): boolean {
  return request.body !== undefined && Boolean(request.is(['application/json', 'application/*+json']));
}

/** Express middleware, right after the body parsers: a body out of bounds is a 400 before any work. */
export function boundedJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (!isJson(request)) return next();
  const problem = jsonBodyProblem(request.body);
  next(problem ? new ValidationFailed([problem], `${problem.field}: ${problem.message}`) : undefined);
}
