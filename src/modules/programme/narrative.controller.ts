import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { AnnualNarrativeService } from './annual-narrative.service';
import { PutNarrativeDto } from './dto/narrative.dto';

@ApiTags('programme')
@ApiBearerAuth()
@Controller('reports/annual')
export class NarrativeController {
  constructor(private readonly narratives: AnnualNarrativeService) {}

  @Put(':year/narrative')
  @Roles('leader', 'finance')
  @ApiOperation({ summary: 'Phần đánh giá của báo cáo tổng kết năm: kết quả đạt được, khó khăn vướng mắc, nguyên nhân, đề xuất kiến nghị' })
  save(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() dto: PutNarrativeDto) {
    return this.narratives.saveNarrative(actor, year, dto);
  }
}
