import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { MovesMoney } from '../../common/http/idempotency.interceptor';
import { BudgetSummaryService } from './budget-summary.service';
import { BudgetService } from './budget.service';
import {
  AllocationDto,
  AllocationReturnDto,
  AppropriationDto,
  CloseYearDto,
  CreateFundDto,
  OpenFiscalYearDto,
  SplitAllocationDto,
  SummaryQuery,
  UnitTransferDto,
} from './dto/budget.dto';
import { YearCloseService } from './year-close.service';

@ApiTags('budget')
@ApiBearerAuth()
@Controller()
export class BudgetController {
  constructor(
    private readonly budget: BudgetService,
    private readonly summaries: BudgetSummaryService,
    private readonly yearClose: YearCloseService,
  ) {}

  @Post('funds')
  @Roles('finance')
  @ApiOperation({ summary: 'Tạo nguồn kinh phí' })
  createFund(@CurrentActor() actor: Actor, @Body() dto: CreateFundDto) {
    return this.budget.createFund(actor, dto);
  }

  @Get('funds')
  @ApiOperation({ summary: 'Danh sách nguồn kinh phí (mọi người dùng đã đăng nhập: cơ sở cần biết để nộp đề án)' })
  funds(@CurrentActor() actor: Actor) {
    return this.budget.listFunds(actor);
  }

  @Post('fiscal-years')
  @Roles('finance')
  @ApiOperation({ summary: 'Mở năm ngân sách' })
  openFiscalYear(@CurrentActor() actor: Actor, @Body() dto: OpenFiscalYearDto) {
    return this.budget.openFiscalYear(actor, dto);
  }

  @Get('fiscal-years')
  @ApiOperation({ summary: 'Các năm ngân sách (mọi người dùng đã đăng nhập)' })
  fiscalYears(@CurrentActor() actor: Actor) {
    return this.budget.listFiscalYears(actor);
  }

  @Post('fiscal-years/:year/close')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Khóa sổ năm ngân sách, chuyển nguồn sang năm sau' })
  closeYear(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Body() dto: CloseYearDto) {
    return this.yearClose.close(actor, year, dto);
  }

  @Post('appropriations')
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Giao dự toán cho nguồn kinh phí trong năm' })
  appropriate(@CurrentActor() actor: Actor, @Body() dto: AppropriationDto) {
    return this.budget.appropriate(actor, dto);
  }

  @Post('allocations')
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Phân bổ kinh phí cho đơn vị' })
  allocate(@CurrentActor() actor: Actor, @Body() dto: AllocationDto) {
    return this.budget.allocate(actor, dto);
  }

  @Post('allocations/split')
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Phân bổ một khoản cho nhiều đơn vị theo trọng số' })
  split(@CurrentActor() actor: Actor, @Body() dto: SplitAllocationDto) {
    return this.budget.split(actor, dto);
  }

  @Post('allocations/transfer')
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Điều chuyển kinh phí giữa hai đơn vị' })
  transfer(@CurrentActor() actor: Actor, @Body() dto: UnitTransferDto) {
    return this.budget.transferBetweenUnits(actor, dto);
  }

  @Post('allocations/return')
  @Roles('finance')
  @MovesMoney()
  @ApiOperation({ summary: 'Đơn vị trả lại kinh phí chưa dùng về nguồn' })
  returnAllocation(@CurrentActor() actor: Actor, @Body() dto: AllocationReturnDto) {
    return this.budget.returnAllocation(actor, dto);
  }

  @Get('budget/summary')
  @Roles('finance', 'leader', 'auditor')
  @ApiOperation({ summary: 'Tổng hợp dự toán, phân bổ, cam kết, giải ngân theo nguồn và đơn vị' })
  summary(@CurrentActor() actor: Actor, @Query() query: SummaryQuery) {
    return this.summaries.summary(actor, query);
  }
}
