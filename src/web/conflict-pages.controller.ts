import { Body, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { ConflictDeclarationsService, DECLARING_ROLES } from '../modules/applications/conflict-declarations.service';
import { ConflictDeclarationDto } from '../modules/applications/dto/conflict-declaration.dto';
import { FormBody, optionalText, text } from './forms/form-input';
import { validated } from './forms/form-validation';
import { PageController } from './page-controller';
import { FileSteps } from './pages/file-steps';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** A yes/no radio as the API's boolean; anything else is left for validation to name. */
function yesNo(body: FormBody, name: string): boolean | string | undefined {
  const value = text(body, name);
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value === '' ? undefined : value;
}

/** Conflicts of interest (xung đột lợi ích): a staff member declares, from the file page, through the API's service. */
@PageController('ho-so')
export class ConflictPagesController {
  constructor(
    private readonly conflicts: ConflictDeclarationsService,
    private readonly fileSteps: FileSteps,
  ) {}

  @Post(':id/xung-dot-loi-ich')
  @PageRoles(...DECLARING_ROLES)
  async declare(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Param('id') id: string, @Body() body: FormBody) {
    return this.fileSteps.run(req, res, actor, id, 'declare', async () => {
      const dto = await validated(ConflictDeclarationDto, {
        hasConflict: yesNo(body, 'hasConflict'),
        relation: optionalText(body, 'relation'),
        note: optionalText(body, 'note'),
      });
      const declaration = await this.conflicts.declare(actor, id, dto);
      return declaration.hasConflict
        ? 'Đã kê khai có xung đột lợi ích: bạn không thẩm định, đề xuất, ký tắt hay quyết định hồ sơ này.'
        : 'Đã kê khai không có xung đột lợi ích với hồ sơ này.';
    });
  }
}
