import { Module } from '@nestjs/common';
import { ExchangeRatesController } from './exchange-rates.controller';
import { ExchangeRatesService } from './exchange-rates.service';

/** Rates of exchange finance records; below the catalogue, which converts a rule's cap with them. */
@Module({ controllers: [ExchangeRatesController], providers: [ExchangeRatesService], exports: [ExchangeRatesService] })
export class ExchangeRatesModule {}
