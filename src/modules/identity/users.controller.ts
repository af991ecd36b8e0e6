import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserQuery } from './dto/user-query.dto';
import { UsersService } from './users.service';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Tạo tài khoản cán bộ' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.createUser(actor, dto);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Danh sách người dùng' })
  list(@CurrentActor() actor: Actor, @Query() query: UserQuery) {
    return this.users.listUsers(actor, query);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Một người dùng' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.getUser(actor, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Sửa thông tin, đơn vị, vai trò, phạm vi phụ trách (có hiệu lực từ yêu cầu kế tiếp của người đó)' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.updateUser(actor, id, dto);
  }

  @Post(':id/reset-password')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đặt lại mật khẩu: trả mật khẩu tạm một lần, kết thúc mọi phiên đăng nhập của người đó' })
  resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.resetPassword(actor, id);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Khóa tài khoản (mã truy cập hết hiệu lực ngay)' })
  deactivate(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.deactivateUser(actor, id);
  }

  @Post(':id/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở khóa tài khoản' })
  activate(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.activateUser(actor, id);
  }
}
