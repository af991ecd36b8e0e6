import { Module } from '@nestjs/common';
import { AdminUnitsModule } from '../admin-units/admin-units.module';
import { ApplicationsModule } from '../applications/applications.module';
import { BudgetModule } from '../budget/budget.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IdentityModule } from '../identity/identity.module';
import { OrganizationModule } from '../organization/organization.module';
import { InstallSetupService } from './install-setup.service';
import { UnitAdministrationController } from './unit-administration.controller';
import { UnitAdministrationService } from './unit-administration.service';

/**
 * Administration that needs facts of several modules (a unit's money and files): above budget and
 * applications, asking their services; nothing below imports it.
 */
@Module({
  imports: [OrganizationModule, BudgetModule, ApplicationsModule, IdentityModule, CatalogueModule, AdminUnitsModule],
  controllers: [UnitAdministrationController],
  providers: [UnitAdministrationService, InstallSetupService],
  exports: [UnitAdministrationService, InstallSetupService],
})
export class AdministrationModule {}
