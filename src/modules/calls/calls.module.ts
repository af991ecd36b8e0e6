import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';

/** Calls for applications; below applications, which files under them and checks their windows. */
@Module({ imports: [BudgetModule, CatalogueModule], controllers: [CallsController], providers: [CallsService], exports: [CallsService] })
export class CallsModule {}
