import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../modules/applications/applications.module';
import { BudgetModule } from '../modules/budget/budget.module';
import { CatalogueModule } from '../modules/catalogue/catalogue.module';
import { DisbursementsModule } from '../modules/disbursements/disbursements.module';
import { EstablishmentsModule } from '../modules/establishments/establishments.module';
import { OrganizationModule } from '../modules/organization/organization.module';
import { SettlementModule } from '../modules/settlement/settlement.module';
import { DemoFiles } from './demo-files';
import { DemoSeed } from './demo-seed';

/**
 * The demo province. It sits above the feature modules (it acts through their use cases), so no
 * feature module imports it; start-up asks for `DemoSeed` on an empty database.
 */
@Module({
  imports: [OrganizationModule, CatalogueModule, BudgetModule, EstablishmentsModule, ApplicationsModule, DisbursementsModule, SettlementModule],
  providers: [DemoSeed, DemoFiles],
  exports: [DemoSeed],
})
export class DemoModule {}
