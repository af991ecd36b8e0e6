import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { FormPages } from '../forms/form-pages';
import type { WebRequest } from '../web-context';
import { FilePageService } from './file-page.service';

/**
 * A step taken from the file page (hồ sơ), whichever stage's controller offers it: back to the
 * page with a message, or the page again with the refusal beside the form that was sent.
 */
@Injectable()
export class FileSteps {
  constructor(
    private readonly forms: FormPages,
    private readonly filePage: FilePageService,
  ) {}

  run(req: WebRequest, res: Response, actor: Actor, id: string, form: string, step: () => Promise<string>) {
    return this.forms.handle(req, res, {
      template: 'application',
      model: async () => ({ ...(await this.filePage.model(actor, id)), activeForm: form }),
      submit: async () => ({ redirect: `/ho-so/${id}`, flash: await step() }),
    });
  }
}
