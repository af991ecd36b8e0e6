import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { FieldError } from '../../common/http/domain-error';
import type { ProblemDetails } from '../../common/http/problem';
import { clientProblem } from '../../common/http/problem.filter';
import { PageResponder } from '../page-responder';
import type { WebRequest } from '../web-context';
import { FormBody, formValues } from './form-input';

export type FormOutcome =
  | { redirect: string; flash?: string }
  /**
   * A page shown as the answer itself, not after a redirect: for what may be shown once only (a
   * temporary password), which must never pass through the session's one-time message.
   */
  | { answer: { template: string; model: Record<string, unknown>; status?: number } };

export interface FormSpec {
  /** The template that shows the form, with `values`, `fieldErrors` and `problem` when refused. */
  template: string;
  /** What the template needs besides the values (lists to choose from, a fresh Idempotency-Key). */
  model: () => Promise<Record<string, unknown>>;
  /** Runs the use case; where to go next. */
  submit: () => Promise<FormOutcome>;
  /** Field names as the API reports them → names in the form (rows that were skipped, renumbered). */
  fieldNames?: (field: string) => string;
}

/** A refusal answered earlier for the same Idempotency-Key, replayed as it was. */
export class StoredRefusal extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
  }
}

/**
 * Submits a form through a service and goes on to the next page; a refusal the client caused (a
 * 4xx of the API: invalid input, wrong state, no funds, limits) shows the form again with the
 * API's messages beside the fields, the values as typed, and the status the API would give.
 * "Not found" and "not signed in" are left to the page filter; a failure of the service is a 500 page.
 */
@Injectable()
export class FormPages {
  constructor(private readonly pages: PageResponder) {}

  async handle(request: WebRequest, response: Response, spec: FormSpec): Promise<void> {
    let outcome: FormOutcome;
    try {
      outcome = await spec.submit();
    } catch (error) {
      const problem = error instanceof StoredRefusal ? error.problem : clientProblem(error, request);
      if (!problem || problem.status === 404 || problem.status === 401) throw error;
      return this.refused(request, response, spec, problem);
    }
    if ('answer' in outcome) return this.pages.render(request, response, outcome.answer.template, outcome.answer.model, outcome.answer.status);
    return this.pages.redirect(request, response, outcome.redirect, outcome.flash);
  }

  /** Shows a form again with a problem. */
  async refused(request: WebRequest, response: Response, spec: Pick<FormSpec, 'template' | 'model' | 'fieldNames'>, problem: ProblemDetails): Promise<void> {
    const shown = problem.code === 'IDEMPOTENCY_KEY_REUSED'
      ? { ...problem, detail: 'Biểu mẫu này đã được gửi trước đó với nội dung khác. Biểu mẫu đã được làm mới, vui lòng kiểm tra và gửi lại.' }
      : problem;
    const rename = spec.fieldNames ?? ((field: string) => field);
    const fieldErrors: Record<string, string> = {};
    const errors: FieldError[] = (shown.errors ?? []).map((e) => ({ field: rename(e.field), message: e.message }));
    for (const e of errors) fieldErrors[e.field] ??= e.message;
    const model = await spec.model();
    this.pages.render(
      request,
      response,
      spec.template,
      { ...model, values: formValues(request.body as FormBody), problem: { ...shown, errors }, fieldErrors },
      shown.status,
    );
  }
}
