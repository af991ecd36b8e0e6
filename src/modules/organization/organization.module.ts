import { Module } from '@nestjs/common';
import { UnitService } from './unit.service';
import { UnitsController } from './units.controller';

@Module({ controllers: [UnitsController], providers: [UnitService], exports: [UnitService] })
export class OrganizationModule {}
