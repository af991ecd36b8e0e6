import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { STAFF_ROLES } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ActingAppointmentsService } from './acting-appointments.service';
import { CreateActingAppointmentDto } from './dto/create-acting-appointment.dto';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('acting-appointments')
export class ActingAppointmentsController {
  constructor(private readonly appointments: ActingAppointmentsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Ghi quyết định giao quyền Giám đốc Sở cho một lãnh đạo Sở trong một thời hạn (ký "Q. GIÁM ĐỐC")' })
  appoint(@CurrentActor() actor: Actor, @Body() dto: CreateActingAppointmentDto) {
    return this.appointments.appoint(actor, dto);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Các quyết định giao quyền Giám đốc Sở' })
  list(@CurrentActor() actor: Actor) {
    return this.appointments.list(actor);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Chấm dứt (hoặc hủy) một quyết định giao quyền' })
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.appointments.revoke(actor, id);
  }
}
