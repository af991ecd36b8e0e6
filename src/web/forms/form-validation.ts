import type { Type } from '@nestjs/common';
import { createValidationPipe } from '../../common/http/validation.pipe';

const pipe = createValidationPipe();

/**
 * The input validated and transformed exactly as the API's global pipe does it for a request
 * body: the same DTO, the same rules, the same Vietnamese messages naming the same fields.
 */
export async function validated<T extends object>(dto: Type<T>, input: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(input, { type: 'body', metatype: dto, data: undefined })) as T;
}

/** Query parameters validated as the API validates them. */
export async function validatedQuery<T extends object>(dto: Type<T>, input: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(input, { type: 'query', metatype: dto, data: undefined })) as T;
}
