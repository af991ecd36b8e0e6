import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { answerNotFound } from './problem.filter';

/**
 * Nest answers unknown addresses under the API prefix only; any other address nothing serves
 * would reach Express's own English "Cannot GET" page. This answers them instead, from the end of
 * the stack (Nest calls the bootstrap hook after it has registered every route).
 */
@Injectable()
export class NotFoundFallback implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    // An application context without HTTP (the medium tests call the services directly) has no adapter.
    this.adapterHost.httpAdapter?.use((request: Request, response: Response) => answerNotFound(request, response));
  }
}
