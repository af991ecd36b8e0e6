import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { ExchangeRatesModule } from '../exchange-rates/exchange-rates.module';

@Module({ imports: [ExchangeRatesModule], controllers: [CatalogueController], providers: [CatalogueService], exports: [CatalogueService] })
export class CatalogueModule {}
