/* ui-keys.c — the key table: actions as data, read by the dispatcher, the
 * help screen and the status-line hint. */
#include "ui-keys.h"

#include <curses.h>
#include <string.h>

#define CH(c) { 0, (uint32_t)(c) }
#define FN(k) { 1, (uint32_t)(k) }

static const struct ui_keydef keydefs[] = {
	{ UA_NEXT_PANE, "next-pane", "Tab  l  →", "sang khung bên phải",
	  { CH('\t'), CH('l'), FN(KEY_RIGHT) }, NULL },
	{ UA_PREV_PANE, "prev-pane", "S-Tab  h  ←", "sang khung bên trái",
	  { FN(KEY_BTAB), CH('h'), FN(KEY_LEFT) }, NULL },
	{ UA_DOWN, "down", "j  ↓", "xuống một dòng", { CH('j'), FN(KEY_DOWN) }, NULL },
	{ UA_UP, "up", "k  ↑", "lên một dòng", { CH('k'), FN(KEY_UP) }, NULL },
	{ UA_PAGE_DOWN, "page-down", "PgDn  Ctrl-F", "xuống một trang",
	  { FN(KEY_NPAGE), CH(6) }, NULL },
	{ UA_PAGE_UP, "page-up", "PgUp  Ctrl-B", "lên một trang", { FN(KEY_PPAGE), CH(2) }, NULL },
	{ UA_TOP, "top", "g  Home", "về dòng đầu", { CH('g'), FN(KEY_HOME) }, NULL },
	{ UA_BOTTOM, "bottom", "G  End", "xuống dòng cuối", { CH('G'), FN(KEY_END) }, NULL },
	{ UA_OPEN, "open", "Enter  Space",
	  "mở/đóng đơn vị; trên nhiệm vụ: xem đầy đủ (nội dung, thời hạn, gia hạn, mọi cập "
	  "nhật); trong các danh sách: đến nhiệm vụ, văn bản hoặc đơn vị cấp dưới; trong "
	  "Đã xóa: khôi phục; trong Chưa gắn đơn vị: chọn đơn vị trong cây để gắn",
	  { CH('\n'), CH('\r'), FN(KEY_ENTER), CH(' ') }, NULL },
	{ UA_UPDATE, "update", "u",
	  "cập nhật tiến độ: ghi chú, % hoàn thành, trạng thái; trong màn hình chỉ tiêu: ghi "
	  "số liệu",
	  { CH('u') },
	  "cập nhật" },
	{ UA_STATUS, "status", "s", "chỉ đổi trạng thái", { CH('s') },
	  "trạng thái" },
	{ UA_EXTEND, "extend", "e",
	  "gia hạn thời hạn, hoặc đề nghị gia hạn nếu không được gia hạn (kèm lý do)", { CH('e') },
	  "gia hạn" },
	{ UA_OVERDUE, "overdue", "o", "nhiệm vụ quá hạn của đơn vị và cấp dưới", { CH('o') },
	  "quá hạn" },
	{ UA_SOON, "due-soon", "d", "nhiệm vụ sắp đến hạn của đơn vị và cấp dưới",
	  { CH('d') },
	  "sắp hạn" },
	{ UA_SEARCH, "search", "/", "tìm trong khung hoặc danh sách, ngay khi gõ, từ dòng đầu (không phân biệt hoa "
	  "thường, dấu)",
	  { CH('/') },
	  "tìm" },
	{ UA_SEARCH_NEXT, "search-next", "n", "kết quả tìm tiếp theo (hết danh sách: quay lại từ đầu)", { CH('n') }, NULL },
	{ UA_SEARCH_PREV, "search-prev", "N", "kết quả tìm trước đó", { CH('N') }, NULL },
	{ UA_FILTER, "filter", "f", "lọc nhiệm vụ theo trạng thái hoặc tình trạng", { CH('f') },
	  "lọc" },
	{ UA_DOC_MODE, "doc-mode", "a",
	  "văn bản: do đơn vị ban hành / giao nhiệm vụ cho đơn vị", { CH('a') }, NULL },
	{ UA_TASK_MODE, "task-mode", "t",
	  "nhiệm vụ: của văn bản / do đơn vị và cấp dưới chủ trì", { CH('t') }, NULL },
	{ UA_SOURCE, "source", "v", "xem nguyên văn văn bản", { CH('v') }, NULL },
	{ UA_IMPORT, "import", "i", "nhập kế hoạch từ tệp Word, ODT, PDF hoặc văn bản thuần", { CH('i') }, NULL },
	{ UA_DASH, "dashboard", "b",
	  "bảng tổng hợp: mỗi đơn vị trực thuộc một dòng, số liệu và biểu đồ", { CH('b') }, NULL },
	{ UA_CASCADE, "cascade", "c",
	  "cây kế hoạch thực hiện văn bản: cấp ủy trực thuộc đã / chưa ban hành", { CH('c') }, NULL },
	{ UA_LINT, "lint", "r",
	  "rà soát nhiệm vụ chưa rõ người, rõ thời hạn, rõ tiến độ (văn bản hoặc đơn vị)",
	  { CH('r') }, NULL },
	{ UA_INDICATORS, "indicators", "m",
	  "chỉ tiêu của văn bản (hoặc đơn vị) và đánh giá; u hoặc Enter: ghi số liệu",
	  { CH('m') }, NULL },
	{ UA_AUDIT, "audit", "L",
	  "nhật ký thay đổi của nhiệm vụ đang chọn (hoặc toàn bộ); L lần nữa: đổi phạm vi",
	  { CH('L') },
	  "nhật ký" },
	{ UA_QUEUE, "queue", "p",
	  "nhiệm vụ báo hoàn thành đang chờ xác nhận, đề nghị gia hạn chờ quyết định", { CH('p') }, NULL },
	{ UA_CONFIRM, "confirm", "x",
	  "xác nhận hoàn thành; trên đề nghị gia hạn: chấp nhận (văn phòng theo dõi, quản trị)",
	  { CH('x') },
	  "xác nhận" },
	{ UA_RETURN, "return", "T",
	  "trả lại, yêu cầu thực hiện lại; trên đề nghị gia hạn: không chấp nhận (kèm lý do)",
	  { CH('T') },
	  "trả lại" },
	{ UA_REPORT_TEXT, "report-text", "W",
	  "viết báo cáo của đơn vị cho một kỳ: kết quả, hạn chế, phương hướng, kiến nghị, bên "
	  "cạnh nội dung các đơn vị trực thuộc; Tab: phần tiếp, F2 hoặc Ctrl-O: lưu",
	  { CH('W') }, NULL },
	{ UA_FULL, "full-width", "z",
	  "khung đang chọn chiếm cả chiều ngang (nhấn lần nữa: trở lại ba khung)", { CH('z') },
	  "cả chiều ngang" },
	{ UA_DETAIL, "detail", "V",
	  "màn hình thấp (dưới 30 dòng): dưới danh sách nhiệm vụ, danh sách quá hạn (o) và sắp "
	  "đến hạn (d) là khung chi tiết đầy đủ thay cho xem nhanh (phần nội dung bị cắt và một "
	  "dòng thời hạn, chủ trì); nhấn lần nữa: trở lại xem nhanh",
	  { CH('V') }, "chi tiết" },
	{ UA_HSCROLL, "scroll-sideways", "w",
	  "cuộn ngang cột nội dung để đọc phần bị cắt (hết: về đầu)",
	  { CH('w') },
	  "cuộn ngang" },
	{ UA_EDIT, "edit", "E",
	  "sửa văn bản (số, loại, ngày, cơ quan ban hành, thực hiện văn bản, trích yếu, hạn ban "
	  "hành kế hoạch) hoặc nhiệm vụ (nội dung, mục, chủ trì, phối hợp, thời hạn) đang chọn "
	  "(quản trị; biên tập viên với nhiệm vụ đơn vị mình chủ trì nếu cấu hình cho phép)",
	  { CH('E') }, "sửa" },
	{ UA_MOVE, "move-task", "M", "chuyển nhiệm vụ đang chọn sang văn bản khác (quản trị)",
	  { CH('M') }, "chuyển" },
	{ UA_DELETE, "delete", "D",
	  "xóa văn bản hoặc nhiệm vụ nhập nhầm, kèm lý do (quản trị); vẫn giữ trong kho, "
	  "khôi phục được",
	  { CH('D') }, "xóa" },
	{ UA_TRASH, "trash", "R", "văn bản, nhiệm vụ đã xóa; Enter: khôi phục (quản trị)",
	  { CH('R') }, "đã xóa" },
	{ UA_UNRESOLVED, "unresolved", "U",
	  "tên đơn vị chưa gắn với đơn vị nào (chủ trì, phối hợp, ban hành): số nhiệm vụ, văn "
	  "bản; Enter: chọn đơn vị trong cây để gắn (quản trị)",
	  { CH('U') }, "chưa gắn" },
	{ UA_PARTNER, "partner-tasks", "P",
	  "nhiệm vụ đơn vị đang chọn (và cấp dưới) tham gia phối hợp, tách khỏi nhiệm vụ chủ trì",
	  { CH('P') }, "phối hợp" },
	{ UA_REDRAW, "redraw", "Ctrl-L", "vẽ lại và đọc lại dữ liệu", { CH(12) }, NULL },
	{ UA_BACK, "back", "Esc", "đóng màn hình đang xem", { CH(27) },
	  "đóng" },
	{ UA_HELP, "help", "?  F1", "trợ giúp về phím", { CH('?'), FN(KEY_F(1)) },
	  "trợ giúp" },
	{ UA_QUIT, "quit", "q", "thoát", { CH('q') },
	  "thoát" },
};

const struct ui_keydef *ui_keys_table(size_t *n)
{
	*n = sizeof(keydefs) / sizeof(keydefs[0]);
	return keydefs;
}

enum ui_act ui_key_action(struct ui_key k)
{
	size_t i, j;

	for (i = 0; i < sizeof(keydefs) / sizeof(keydefs[0]); i++)
		for (j = 0; j < sizeof(keydefs[i].bind) / sizeof(keydefs[i].bind[0]); j++) {
			const struct ui_key *b = &keydefs[i].bind[j];

			if (b->ch == 0 && b->fn == 0)
				break;
			if (b->fn == k.fn && b->ch == k.ch)
				return keydefs[i].act;
		}
	return UA_NONE;
}

const struct ui_keydef *ui_key_def(enum ui_act a)
{
	size_t i;

	for (i = 0; i < sizeof(keydefs) / sizeof(keydefs[0]); i++)
		if (keydefs[i].act == a)
			return &keydefs[i];
	return NULL;
}

const char *ui_key_label(enum ui_act a, char *buf, size_t len)
{
	const struct ui_keydef *d = a == UA_NONE ? NULL : ui_key_def(a);
	const char *end;
	size_t n;

	buf[0] = '\0';
	if (!d || !len)
		return buf;
	end = strstr(d->keys, "  ");
	n = end ? (size_t)(end - d->keys) : strlen(d->keys);
	if (n >= len)
		n = len - 1;
	memcpy(buf, d->keys, n);
	buf[n] = '\0';
	return buf;
}
