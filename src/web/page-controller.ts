import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators';
import { WebGuard } from './session/web.guard';
import { WebExceptionFilter } from './web-exception.filter';

/**
 * A controller of pages: outside the API's token guard (the page guard takes its place, with
 * sessions, CSRF and page roles), out of the OpenAPI document, and with errors shown as pages.
 */
export function PageController(path = ''): ClassDecorator {
  return applyDecorators(Controller(path), Public(), ApiExcludeController(), UseGuards(WebGuard), UseFilters(WebExceptionFilter));
}
