import type { NextFunction, Request, Response } from 'express';
import { FieldError, ValidationFailed } from './domain-error';

/**
 * Bounds on a JSON body, checked once for every request before anything else looks at it (the
 * guards, the Idempotency-Key hash, class-transformer, which recurses once per level and ran out
 * of stack on 3,000 nested `[`). The deepest body the API takes is a list of objects in an
 * object (three levels); the largest, a settlement's 500 lines of four fields.
 */
export const MAX_JSON_DEPTH = 16;
/** Values (objects, arrays, strings, numbers, …) in one body. */
export const MAX_JSON_VALUES = 20_000;

/**
 * Why a parsed JSON body is not acceptable, naming `body`, or null: the body, when there is one,
 * is an object (every route takes named fields), nested at most MAX_JSON_DEPTH levels and made
 * of at most MAX_JSON_VALUES values. Walks with an explicit stack, so no body can exhaust the
 * call stack here.
 */
export function jsonBodyProblem(body: unknown): FieldError | null {
  if (body === undefined) return null;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { field: 'body', message: 'nội dung gửi lên phải là một đối tượng JSON ({ … })' };
  }
  const stack: Array<{ value: unknown; depth: number }> = [{ value: body, depth: 1 }];
  let values = 0;
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (++values > MAX_JSON_VALUES) return { field: 'body', message: `nội dung có quá nhiều giá trị (tối đa ${MAX_JSON_VALUES})` };
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) return { field: 'body', message: `nội dung lồng quá sâu (tối đa ${MAX_JSON_DEPTH} tầng)` };
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
      else if (++values > MAX_JSON_VALUES) return { field: 'body', message: `nội dung có quá nhiều giá trị (tối đa ${MAX_JSON_VALUES})` };
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
