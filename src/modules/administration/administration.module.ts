import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { BudgetModule } from '../budget/budget.module';
import { OrganizationModule } from '../organization/organization.module';
import { UnitAdministrationController } from './unit-administration.controller';
import { UnitAdministrationService } from './unit-administration.service';

/**
 * Administration that needs facts of several modules (a unit's money and files): above budget and
 * applications, asking their services; nothing below imports it.
 */
@Module({
  imports: [OrganizationModule, BudgetModule, ApplicationsModule],
  controllers: [UnitAdministrationController],
  providers: [UnitAdministrationService],
  exports: [UnitAdministrationService],
})
export class AdministrationModule {}
