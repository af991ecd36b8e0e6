import type { InstallStep } from '../../modules/administration/install-setup.service';
import { ROLE_LABELS } from '../../modules/identity/identity.labels';
import type { SetupLink } from './setup-links';

/** The installation's next set-up steps as links to the administrator's pages, in the order to take them. */
export function installLinks(steps: readonly InstallStep[]): SetupLink[] {
  return steps.map((s): SetupLink => {
    switch (s.step) {
      case 'create_centre':
        return {
          href: '/quan-tri/don-vi?loai=centre#them-don-vi',
          title: 'Tạo đơn vị Trung tâm Khuyến công',
          detail: 'Chưa có đơn vị loại “Trung tâm Khuyến công” đang hoạt động: hồ sơ mới nộp không có nơi tiếp nhận, không giao được đơn vị chủ trì.',
        };
      case 'add_staff':
        return {
          href: `/quan-tri/nguoi-dung?vai-tro=${s.role}#them-nguoi-dung`,
          title: `Giao vai trò ${ROLE_LABELS[s.role]} cho một người`,
          detail: `Chưa có ai đang hoạt động giữ vai trò ${ROLE_LABELS[s.role]}: hồ sơ sẽ dừng ở bước của vai trò này. Thêm tài khoản cho người phụ trách (hoặc sửa tài khoản đã có) và đánh dấu vai trò.`,
        };
      case 'publish_rule':
        return {
          href: '/quan-tri/hoat-dong',
          title: 'Ban hành quy định hỗ trợ cho loại hoạt động',
          detail: 'Không có quy định hỗ trợ nào đang có hiệu lực: cơ sở không chọn được loại hoạt động khi lập đề án.',
        };
      case 'load_admin_units':
        return {
          href: '/quan-tri/dia-ban#nap-danh-muc',
          title: 'Nạp danh mục đơn vị hành chính',
          detail:
            'Chưa nạp danh mục tỉnh, xã theo đăng ký chính thức: mã xã chưa được kiểm tra và các trang hiện mã thay cho tên xã. Tải tệp danh mục lên trang Đơn vị hành chính (hoặc đặt biến ADMIN_UNITS_FILE khi khởi động).',
        };
    }
  });
}
