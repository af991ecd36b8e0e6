import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../../common/auth/actor';
import { Unauthenticated } from '../../common/http/domain-error';
import { ApplicationDocumentsService } from './application-documents.service';

/**
 * The caller's right to attach a document to the file (`:id`), asked before the multipart body is
 * read: guards run before the file interceptor, so a stranger's upload is refused (404, 403, 409)
 * from its headers and its bytes are never parsed. The connection is closed rather than drained,
 * so the refused body is not read either. For the API and the pages alike (the actor is the
 * request's, whichever door set it).
 */
@Injectable()
export class DocumentUploadGuard implements CanActivate {
  constructor(private readonly documents: ApplicationDocumentsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
    const response = context.switchToHttp().getResponse<Response>();
    try {
      if (!request.actor) throw new Unauthenticated();
      await this.documents.assertMayUpload(request.actor, String(request.params.id ?? ''));
      return true;
    } catch (error) {
      response.setHeader('Connection', 'close');
      throw error;
    }
  }
}
