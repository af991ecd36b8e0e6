import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { EstablishmentsModule } from '../establishments/establishments.module';
import { OrganizationModule } from '../organization/organization.module';
import { AnnualNarrativeService } from './annual-narrative.service';
import { AnnualPlanService } from './annual-plan.service';
import { CommendationsController } from './commendations.controller';
import { CommendationsService } from './commendations.service';
import { NarrativeController } from './narrative.controller';
import { PlansController } from './plans.controller';

/**
 * The programme a year at a time (issue 20): the annual plan, the narrative of the annual review
 * and the commendations. The annual review reads them through the services exported here.
 */
@Module({
  imports: [BudgetModule, CatalogueModule, EstablishmentsModule, OrganizationModule],
  controllers: [PlansController, NarrativeController, CommendationsController],
  providers: [AnnualPlanService, AnnualNarrativeService, CommendationsService],
  exports: [AnnualPlanService, AnnualNarrativeService, CommendationsService],
})
export class ProgrammeModule {}
