/* demo-plans.c — the four plans of the demo store, as data.
 *
 * An invented cascade in the invented province of Sơn Hà: the Tỉnh ủy's
 * action program implementing an invented Politburo resolution 09-NQ/TW,
 * and the plans of the Thành ủy Bình Giang, the Đảng ủy Khối and the
 * Huyện ủy Kim Lâm implementing that program (the Huyện ủy Phước Điền has
 * not issued its own: the cascade question has an answer).  Every text
 * here was written for theodoi.  Dates are templates relative to today
 * (see demo.h): "{Q-6}" is the quarter six months ago.
 */
#include <math.h>

#include "demo.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- 15-CTr/TU: Chương trình hành động của Tỉnh ủy ---- */

static const struct demo_task tu_tasks[] = {
	/* III.1. Nhiệm vụ trọng tâm */
	{"III.1#1", "tu", NULL,
	 "Các cấp ủy, tổ chức đảng tổ chức học tập, quán triệt Nghị quyết số 09-NQ/TW và Chương trình hành động này đến toàn thể cán bộ, đảng viên; xây dựng kế hoạch thực hiện phù hợp với đặc điểm, tình hình của địa phương, cơ quan, đơn vị.",
	 "cấp tỉnh hoàn thành trong tháng {M-14}; cấp huyện hoàn thành trong tháng {M-13}; cấp cơ sở hoàn thành trước ngày {D-380}", DH_NONE},
	{"III.1#2", "tu", NULL,
	 "Nâng cao chất lượng sinh hoạt cấp ủy, sinh hoạt chi bộ; thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình, gắn với trách nhiệm nêu gương của người đứng đầu.",
	 "thực hiện thường xuyên", DH_NONE},
	{"III.1#3", "tu", NULL,
	 "Đổi mới phong cách, lề lối làm việc của cấp ủy các cấp; giảm hội họp, giấy tờ hành chính; tăng cường đi cơ sở, đối thoại trực tiếp với Nhân dân để nắm bắt và giải quyết kịp thời những vấn đề bức xúc.",
	 "thường xuyên, liên tục", DH_NONE},
	{"III.1#4", "tu", "tu-ubnd",
	 "Đẩy mạnh cải cách hành chính trong Đảng gắn với cải cách hành chính nhà nước; đơn giản hóa quy trình, thủ tục giải quyết công việc giữa các cơ quan đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể.",
	 "thực hiện từ năm {Y-1} - {Y+1}", DH_NONE},

	/* III.2.1. Ban Tuyên giáo Tỉnh ủy */
	{"III.2.1#1", "tu-btg", NULL,
	 "Chủ trì tham mưu Ban Thường vụ Tỉnh ủy tổ chức hội nghị học tập, quán triệt Nghị quyết số 09-NQ/TW cho cán bộ chủ chốt cấp tỉnh; hướng dẫn các cấp ủy trực thuộc tổ chức học tập ở cấp mình.",
	 "hoàn thành trước ngày {D-430}", DH_DONE},
	{"III.2.1#2", "tu-btg", NULL,
	 "Biên soạn đề cương tuyên truyền Nghị quyết số 09-NQ/TW và Chương trình hành động này; cung cấp tài liệu cho đội ngũ báo cáo viên, tuyên truyền viên các cấp.",
	 "hoàn thành trong tháng {M-14}", DH_NONE},
	{"III.2.1#3", "tu-btg", NULL,
	 "Chỉ đạo Báo Sơn Hà, Đài Phát thanh và Truyền hình tỉnh mở chuyên trang, chuyên mục tuyên truyền kết quả thực hiện Nghị quyết; kịp thời biểu dương cách làm hay, mô hình hiệu quả ở cơ sở.",
	 "tuyên truyền thường xuyên", DH_NONE},
	{"III.2.1#4", "tu-btg", NULL,
	 "Theo dõi, nắm bắt tình hình tư tưởng của cán bộ, đảng viên và Nhân dân trong quá trình sắp xếp tổ chức bộ máy; tham mưu xử lý kịp thời các vấn đề nảy sinh, không để bị động, bất ngờ.",
	 "thực hiện thường xuyên", DH_NONE},
	{"III.2.1#5", "tu-btg", NULL,
	 "Tham mưu sơ kết 05 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trên địa bàn tỉnh.",
	 "theo yêu cầu của Trung ương", DH_NONE},
	{"III.2.1#6", "tu-btg", "tu-vp",
	 "Xây dựng chuyên mục hỏi - đáp về chuyển đổi số trong các cơ quan đảng trên Cổng thông tin điện tử Đảng bộ tỉnh; cập nhật nội dung hằng tuần.",
	 "hoàn thành trong quý {Q-6}", DH_NONE},

	/* III.2.2. Ban Tổ chức Tỉnh ủy */
	{"III.2.2#1", "tu-btc", "tu-vp",
	 "Chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát, tham mưu sửa đổi Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Tỉnh ủy, Thường trực Tỉnh ủy nhiệm kỳ 2025 - 2030.",
	 "hoàn thành trong quý {Q-12}", DH_NONE},
	{"III.2.2#2", "tu-btc", NULL,
	 "Tham mưu sắp xếp, kiện toàn tổ chức bộ máy các cơ quan tham mưu, giúp việc của Tỉnh ủy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả; rà soát chức năng, nhiệm vụ, khắc phục chồng chéo.",
	 "thực hiện theo lộ trình", DH_NONE},
	{"III.2.2#3", "tu-btc", NULL,
	 "Hướng dẫn các cấp ủy trực thuộc rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2025 - 2030 và nhiệm kỳ 2030 - 2035; bảo đảm cơ cấu hợp lý về độ tuổi, giới tính, dân tộc.",
	 "hoàn thành trong năm {Y+0}", DH_NONE},
	{"III.2.2#4", "tu-btc", "tu-ubnd",
	 "Chủ trì, phối hợp với Ban cán sự đảng Ủy ban nhân dân tỉnh tham mưu xây dựng Đề án nâng cao chất lượng đội ngũ cán bộ, công chức cấp xã, gắn với đánh giá, xếp loại chất lượng hằng năm.",
	 "hoàn thành trong quý {Q+2}", DH_NONE},
	{"III.2.2#5", "tu-btc", NULL,
	 "Chủ trì đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và tập thể, cá nhân lãnh đạo, quản lý; tổng hợp kết quả, báo cáo Ban Thường vụ Tỉnh ủy.",
	 "vào tháng 12 hằng năm", DH_NONE},
	{"III.2.2#6", "tu-btc", NULL,
	 "Tham mưu sửa đổi quy định về phân cấp quản lý cán bộ, quy trình bổ nhiệm, giới thiệu cán bộ ứng cử cho phù hợp với mô hình tổ chức mới.",
	 "sau khi có hướng dẫn của Trung ương (năm {Y+0})", DH_NONE},
	{"III.2.2#7", "tu-btc", NULL,
	 "Theo dõi, đôn đốc các huyện ủy, thành ủy, đảng ủy trực thuộc xây dựng, ban hành kế hoạch thực hiện Chương trình hành động này; tổng hợp, báo cáo Thường trực Tỉnh ủy.",
	 "hoàn thành trong quý {Q-11}", DH_NONE},
	{"III.2.2#8", "tu-btc", NULL,
	 "Tham mưu thực hiện chính sách phát hiện, thu hút, trọng dụng người có tài năng vào làm việc trong các cơ quan của hệ thống chính trị tỉnh.",
	 "thực hiện từ năm {Y+0}", DH_NONE},

	/* III.2.3. Ủy ban Kiểm tra Tỉnh ủy */
	{"III.2.3#1", "tu-ubkt", NULL,
	 "Tham mưu xây dựng chương trình kiểm tra, giám sát của Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Tỉnh ủy, trong đó chú trọng kiểm tra việc thực hiện Nghị quyết số 09-NQ/TW.",
	 "thực hiện hằng năm", DH_NONE},
	{"III.2.3#2", "tu-ubkt", NULL,
	 "Kiểm tra chuyên đề việc lãnh đạo, chỉ đạo sắp xếp tổ chức bộ máy tại 03 đảng bộ trực thuộc; kết luận, chỉ rõ ưu điểm, hạn chế và trách nhiệm của tập thể, cá nhân.",
	 "hoàn thành trong quý {Q-3}", DH_NONE},
	{"III.2.3#3", "tu-ubkt", NULL,
	 "Giám sát việc thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc và việc kê khai tài sản, thu nhập của cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý.",
	 "thực hiện trong năm {Y-1}", DH_NONE},
	{"III.2.3#4", "tu-ubkt", "tu-vp",
	 "Ứng dụng phần mềm quản lý hồ sơ kiểm tra, giám sát và thi hành kỷ luật đảng; số hóa hồ sơ lưu trữ của Ủy ban Kiểm tra từ năm 2015 đến nay.",
	 "hoàn thành trước ngày {D+45}", DH_NONE},
	{"III.2.3#5", "tu-ubkt", NULL,
	 "Giải quyết kịp thời đơn thư tố cáo, khiếu nại kỷ luật đảng; kiểm tra tổ chức đảng, đảng viên khi có dấu hiệu vi phạm, không để tồn đọng, kéo dài.",
	 "thực hiện thường xuyên", DH_NONE},

	/* III.2.4. Ban Dân vận Tỉnh ủy */
	{"III.2.4#1", "tu-bdv", NULL,
	 "Tham mưu Ban Thường vụ Tỉnh ủy lãnh đạo thực hiện dân chủ ở cơ sở; hướng dẫn tổ chức đối thoại định kỳ giữa người đứng đầu cấp ủy, chính quyền với Nhân dân.",
	 "định kỳ hàng năm", DH_NONE},
	{"III.2.4#2", "tu-bdv", "tu-mttq",
	 "Chủ trì, phối hợp với Đảng đoàn Ủy ban MTTQ Việt Nam tỉnh hướng dẫn tổ chức lấy ý kiến Nhân dân tham gia xây dựng Đảng, xây dựng chính quyền.",
	 "thực hiện trong quý {Q-5}", DH_NONE},
	{"III.2.4#3", "tu-bdv", NULL,
	 "Chủ trì sơ kết công tác dân vận của cơ quan nhà nước, chính quyền các cấp; đề xuất giải pháp nâng cao hiệu quả phong trào thi đua \"Dân vận khéo\".",
	 "hoàn thành trong tháng {M+1}", DH_NONE},

	/* III.2.5. Ban Nội chính Tỉnh ủy */
	{"III.2.5#1", "tu-bnc", NULL,
	 "Tham mưu lãnh đạo công tác phòng, chống tham nhũng, lãng phí, tiêu cực trong các cơ quan đảng; theo dõi, đôn đốc xử lý các vụ việc, vụ án dư luận xã hội quan tâm.",
	 "nhiệm vụ thường xuyên", DH_STALE},
	{"III.2.5#2", "tu-bnc", "tu-ubkt",
	 "Chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy tham mưu kiểm tra việc thực hiện quy định về kiểm soát quyền lực trong công tác tổ chức cán bộ tại các cơ quan tư pháp.",
	 "hoàn thành trong quý {Q-3}", DH_NONE},
	{"III.2.5#3", "tu-bnc", NULL,
	 "Tham mưu sơ kết việc thực hiện Chỉ thị số 26-CT/TW của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác bảo vệ chính trị nội bộ.",
	 "theo yêu cầu của Ban Nội chính Trung ương", DH_NONE},

	/* III.2.6. Văn phòng Tỉnh ủy */
	{"III.2.6#1", "tu-vp", NULL,
	 "Chủ trì triển khai hệ thống quản lý văn bản và điều hành điện tử liên thông từ Tỉnh ủy đến các đảng ủy cơ sở; bảo đảm văn bản không mật được gửi, nhận trên môi trường mạng.",
	 "hoàn thành trong quý {Q-6}", DH_NONE},
	{"III.2.6#2", "tu-vp", NULL,
	 "Triển khai sử dụng chữ ký số chuyên dùng cho cán bộ lãnh đạo các cơ quan đảng cấp tỉnh, cấp huyện; hướng dẫn quy trình ký số văn bản.",
	 "hoàn thành trong năm {Y-1}", DH_NONE},
	{"III.2.6#3", "tu-vp", "tu-btc",
	 "Xây dựng, vận hành phần mềm theo dõi, đôn đốc việc thực hiện nhiệm vụ do Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Tỉnh ủy giao; kết nối với các huyện ủy, thành ủy.",
	 "hoàn thành trước ngày {D+10}", DH_NONE},
	{"III.2.6#4", "tu-vp", NULL,
	 "Nâng cấp hạ tầng mạng thông tin diện rộng của Đảng bộ tỉnh; bảo đảm an toàn, an ninh thông tin theo cấp độ cho các hệ thống thông tin dùng chung.",
	 "thực hiện từ năm {Y-1} - {Y+1}", DH_NONE},
	{"III.2.6#5", "tu-vp", NULL,
	 "Số hóa tài liệu lưu trữ của Đảng bộ tỉnh giai đoạn 1930 - 2020; xây dựng cơ sở dữ liệu tài liệu lưu trữ điện tử phục vụ khai thác, nghiên cứu.",
	 "thực hiện theo Kế hoạch số 86-KH/TU ngày {D-520}", DH_NONE},
	{"III.2.6#6", "tu-vp", NULL,
	 "Theo dõi, tổng hợp tình hình thực hiện Chương trình hành động; tham mưu Ban Thường vụ Tỉnh ủy báo cáo Bộ Chính trị theo quy định.",
	 "vào tháng 12 hằng năm", DH_NONE},

	/* III.2.7. Trường Chính trị tỉnh */
	{"III.2.7#1", "tu-ttct", NULL,
	 "Đưa nội dung Nghị quyết số 09-NQ/TW vào chương trình đào tạo trung cấp lý luận chính trị và bồi dưỡng cập nhật kiến thức cho cán bộ lãnh đạo, quản lý.",
	 "thực hiện từ năm {Y-1}", DH_NONE},
	{"III.2.7#2", "tu-ttct", NULL,
	 "Mở các lớp bồi dưỡng kỹ năng số cho cán bộ chủ chốt cấp huyện, cấp xã; biên soạn tài liệu hướng dẫn khai thác dữ liệu phục vụ lãnh đạo, chỉ đạo.",
	 "hoàn thành trong tháng {M+0}", DH_NONE},

	/* III.2.8. Đảng đoàn Hội đồng nhân dân tỉnh */
	{"III.2.8#1", "tu-hdnd", NULL,
	 "Lãnh đạo Hội đồng nhân dân tỉnh giám sát chuyên đề việc thực hiện cải cách hành chính và chuyển đổi số tại các sở, ban, ngành.",
	 "thực hiện trong năm {Y+0}", DH_NONE},
	{"III.2.8#2", "tu-hdnd", NULL,
	 "Lãnh đạo Hội đồng nhân dân tỉnh ban hành nghị quyết về chính sách hỗ trợ đối với cán bộ, công chức làm công tác chuyển đổi số.",
	 "sau khi có quy định của Trung ương (năm {Y-1})", DH_NONE},

	/* III.2.9. Ban cán sự đảng Ủy ban nhân dân tỉnh */
	{"III.2.9#1", "tu-ubnd", NULL,
	 "Lãnh đạo Ủy ban nhân dân tỉnh xây dựng Đề án chuyển đổi số tỉnh Sơn Hà giai đoạn 2026 - 2030, tầm nhìn đến năm 2035, trình Ban Thường vụ Tỉnh ủy cho ý kiến.",
	 "hoàn thành trong quý {Q-8}", DH_NONE},
	{"III.2.9#2", "tu-ubnd", "tu-vp",
	 "Lãnh đạo đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình; tái cấu trúc quy trình, thủ tục hành chính trên Cổng dịch vụ công của tỉnh.",
	 "thực hiện theo lộ trình của Chính phủ", DH_NONE},
	{"III.2.9#3", "tu-ubnd", NULL,
	 "Lãnh đạo rà soát, sắp xếp các đơn vị sự nghiệp công lập; thực hiện tinh giản biên chế gắn với cơ cấu lại đội ngũ viên chức theo vị trí việc làm.",
	 "thực hiện từ năm {Y-1} - {Y+0}", DH_NONE},
	{"III.2.9#4", "tu-ubnd", NULL,
	 "Lãnh đạo xây dựng Trung tâm giám sát, điều hành thông minh của tỉnh, kết nối dữ liệu với các huyện, thành phố.",
	 "hoàn thành trong năm {Y+1}", DH_HOLD},

	/* III.2.10. Đảng đoàn Ủy ban MTTQ Việt Nam tỉnh */
	{"III.2.10#1", "tu-mttq", NULL,
	 "Lãnh đạo Mặt trận Tổ quốc tỉnh đổi mới phương thức giám sát và phản biện xã hội; tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân gửi Ban Thường vụ Tỉnh ủy.",
	 "thực hiện thường xuyên", DH_NONE},
	{"III.2.10#2", "tu-mttq", NULL,
	 "Lãnh đạo triển khai Cuộc vận động \"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\" gắn với chuyển đổi số ở khu dân cư.",
	 "theo nhiệm kỳ", DH_NONE},

	/* IV. Tổ chức thực hiện */
	{"IV#1", "tu-btc", "tu-vp, tu-ubkt",
	 "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy theo dõi, hướng dẫn, kiểm tra việc thực hiện; tham mưu sơ kết giữa nhiệm kỳ Chương trình hành động.",
	 "hoàn thành trong quý {Q+8}", DH_NONE},
	{"IV#2", "tu-btg", NULL,
	 "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn tuyên truyền kết quả thực hiện Chương trình hành động.",
	 "thực hiện thường xuyên", DH_NONE},
	{"IV#3", "tu-vp", NULL,
	 "Các huyện ủy, thành ủy, đảng ủy trực thuộc báo cáo kết quả thực hiện về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) để tổng hợp.",
	 "vào tháng 11 hằng năm", DH_NONE},
	{"IV#4", "tu-vp", NULL,
	 "Các cơ quan tham mưu, giúp việc Tỉnh ủy chủ động đề xuất bổ sung, điều chỉnh nội dung Chương trình hành động khi cần thiết.",
	 NULL, DH_NONE},
};

static const struct demo_indicator tu_indicators[] = {
	{"II#1", "tu-vp",
	 "Đến năm {Y+1}, 100% văn bản không mật giữa các cơ quan đảng từ tỉnh đến cơ sở được gửi, nhận trên môi trường mạng.",
	 1, 100, NAN, "%", 62},
	{"II#2", "tu-ubnd",
	 "Đến năm {Y+2}, tối thiểu 80%, phấn đấu 90% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.",
	 2, 80, 90, "%", 48},
	{"II#3", "tu-btc",
	 "Hằng năm, tối thiểu 90%, phấn đấu 95% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên.",
	 0, 90, 95, "%", 86},
	{"II#4", "tu-btc",
	 "Mỗi năm kết nạp tối thiểu 2.500, phấn đấu 3.000 đảng viên mới.",
	 0, 2500, 3000, "đảng viên", 0},
};

/* ---- 42-KH/ThU: Kế hoạch của Thành ủy Bình Giang ---- */

static const struct demo_task ttu_tasks[] = {
	/* III.1. Nhiệm vụ chung */
	{"III.1#1", "ttu", NULL,
	 "Các cấp ủy, tổ chức đảng trực thuộc tổ chức quán triệt Nghị quyết số 09-NQ/TW, Chương trình hành động số 15-CTr/TU và Kế hoạch này đến cán bộ, đảng viên; xây dựng kế hoạch thực hiện sát với tình hình cơ sở.",
	 "hoàn thành trong quý {Q-10}", DH_NONE},
	{"III.1#2", "ttu", NULL,
	 "Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng; chú trọng sinh hoạt chuyên đề của chi bộ khu phố, thôn.",
	 "thường xuyên", DH_NONE},
	{"III.1#3", "ttu", NULL,
	 "Đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin trong hoạt động của các cơ quan đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể thành phố.",
	 "thực hiện từ năm {Y-1} - {Y+2}", DH_NONE},

	/* III.2.1. Ban Tổ chức Thành ủy */
	{"III.2.1#1", "ttu-btc", NULL,
	 "Tham mưu sắp xếp, kiện toàn các chi bộ, đảng bộ cơ sở sau khi sắp xếp đơn vị hành chính cấp xã; hướng dẫn bầu bổ sung cấp ủy viên còn thiếu.",
	 "hoàn thành trong quý {Q-7}", DH_NONE},
	{"III.2.1#2", "ttu-btc", NULL,
	 "Rà soát, bổ sung quy hoạch cán bộ thuộc diện Ban Thường vụ Thành ủy quản lý nhiệm kỳ 2025 - 2030; chú trọng cán bộ trẻ, cán bộ nữ.",
	 "hoàn thành trước ngày {D-60}", DH_NONE},
	{"III.2.1#3", "ttu-btc", NULL,
	 "Tham mưu thực hiện luân chuyển, điều động cán bộ lãnh đạo, quản lý giữa các cơ quan thành phố và phường, xã.",
	 "thực hiện theo Kế hoạch số 37-KH/ThU ngày {D-600}", DH_NONE},
	{"III.2.1#4", "ttu-btc", NULL,
	 "Hướng dẫn các tổ chức cơ sở đảng sử dụng phần mềm quản lý đảng viên; cập nhật đầy đủ, chính xác dữ liệu đảng viên.",
	 "hoàn thành trong tháng {M+0}", DH_NONE},
	{"III.2.1#5", "ttu-btc", "ttu-ubkt",
	 "Chủ trì, phối hợp với Ủy ban Kiểm tra Thành ủy kiểm tra việc thực hiện quy chế làm việc của các đảng ủy phường, xã.",
	 "hoàn thành trong quý {Q+3}", DH_NONE},
	{"III.2.1#6", "ttu-btc", NULL,
	 "Tham mưu đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên; tổng hợp báo cáo Ban Thường vụ Thành ủy.",
	 "vào tháng 12 hằng năm", DH_NONE},

	/* III.2.2. Ban Tuyên giáo Thành ủy */
	{"III.2.2#1", "ttu-btg", NULL,
	 "Tổ chức hội nghị học tập, quán triệt Nghị quyết số 09-NQ/TW và Chương trình hành động số 15-CTr/TU cho cán bộ chủ chốt thành phố.",
	 "trước ngày {D-370}", DH_NONE},
	{"III.2.2#2", "ttu-btg", NULL,
	 "Biên soạn tài liệu hỏi - đáp về chuyển đổi số, phát hành đến các chi bộ khu phố, thôn và tổ công nghệ số cộng đồng.",
	 "hoàn thành trong quý {Q-4}", DH_NONE},
	{"III.2.2#3", "ttu-btg", NULL,
	 "Định hướng thông tin trên Trang thông tin điện tử Thành ủy và các nhóm mạng xã hội của cơ sở; đấu tranh phản bác các quan điểm sai trái, thù địch.",
	 "thường xuyên liên tục", DH_NONE},
	{"III.2.2#4", "ttu-btg", NULL,
	 "Nắm bắt dư luận xã hội, tình hình tư tưởng cán bộ, đảng viên và Nhân dân; kịp thời báo cáo Ban Thường vụ Thành ủy.",
	 "thực hiện thường xuyên", DH_NONE},

	/* III.2.3. Ủy ban Kiểm tra Thành ủy */
	{"III.2.3#1", "ttu-ubkt", "ttu-btc",
	 "Kiểm tra, giám sát việc triển khai thực hiện Kế hoạch tại các đảng ủy phường, xã và chi bộ cơ sở trực thuộc Thành ủy.",
	 "thực hiện trong năm {Y+0}", DH_NONE},
	{"III.2.3#2", "ttu-ubkt", NULL,
	 "Giám sát chuyên đề việc thực hiện nhiệm vụ chuyển đổi số tại Đảng ủy phường An Phú, Đảng ủy phường Đông Hòa.",
	 "hoàn thành trong quý {Q-2}", DH_NONE},
	{"III.2.3#3", "ttu-ubkt", NULL,
	 "Thẩm tra, xác minh, tham mưu thi hành kỷ luật tổ chức đảng, đảng viên vi phạm.",
	 "theo yêu cầu của Ban Thường vụ Thành ủy", DH_NONE},

	/* III.2.4. Ban Dân vận Thành ủy */
	{"III.2.4#1", "ttu-bdv", NULL,
	 "Hướng dẫn xây dựng mô hình \"Dân vận khéo\" trong cải cách hành chính tại bộ phận một cửa các phường, xã.",
	 "thực hiện trong năm {Y-1}", DH_NONE},
	{"III.2.4#2", "ttu-bdv", "ttu-mttq",
	 "Chủ trì, phối hợp với Ủy ban MTTQ Việt Nam thành phố tổ chức hội nghị đối thoại giữa Bí thư Thành ủy với Nhân dân về thủ tục hành chính, đất đai.",
	 "định kỳ hàng năm", DH_NONE},

	/* III.2.5. Văn phòng Thành ủy */
	{"III.2.5#1", "ttu-vp", NULL,
	 "Triển khai phần mềm quản lý văn bản và hồ sơ công việc đến 100% tổ chức cơ sở đảng trực thuộc Thành ủy.",
	 "hoàn thành trong quý {Q-5}", DH_NONE},
	{"III.2.5#2", "ttu-vp", NULL,
	 "Trang bị chữ ký số cho bí thư, phó bí thư các đảng ủy cơ sở; tổ chức tập huấn sử dụng.",
	 "hoàn thành trước ngày {D+12}", DH_NONE},
	{"III.2.5#3", "ttu-vp", NULL,
	 "Tổng hợp, báo cáo kết quả thực hiện Kế hoạch về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy).",
	 "vào tháng 11 hằng năm", DH_NONE},
	{"III.2.5#4", "ttu-vp", NULL,
	 "Nâng cấp Trang thông tin điện tử Thành ủy, bảo đảm kết nối, chia sẻ dữ liệu với Cổng thông tin điện tử Đảng bộ tỉnh.",
	 "hoàn thành trong tháng {M-3}", DH_EXTEND},

	/* III.2.6. Đảng đoàn Hội đồng nhân dân thành phố */
	{"III.2.6#1", "ttu-hdnd", NULL,
	 "Lãnh đạo Hội đồng nhân dân thành phố giám sát việc giải quyết thủ tục hành chính về đất đai, xây dựng.",
	 "hoàn thành trong năm {Y+0}", DH_NONE},

	/* III.2.7. Ủy ban nhân dân thành phố */
	{"III.2.7#1", "ttu-ubnd", NULL,
	 "Xây dựng Kế hoạch chuyển đổi số thành phố Bình Giang giai đoạn 2026 - 2030; ưu tiên dữ liệu dân cư, đất đai, hộ tịch.",
	 "hoàn thành trong quý {Q-9}", DH_NONE},
	{"III.2.7#2", "ttu-ubnd", NULL,
	 "Đưa vào vận hành Trung tâm phục vụ hành chính công thành phố; công khai thời gian giải quyết từng hồ sơ.",
	 "hoàn thành trong quý {Q+1}", DH_NONE},
	{"III.2.7#3", "ttu-ubnd", NULL,
	 "Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của thành phố; cắt giảm thời gian và chi phí tuân thủ.",
	 "thực hiện theo lộ trình", DH_NONE},
	{"III.2.7#4", "ttu-ubnd", NULL,
	 "Phổ cập kỹ năng số cho Nhân dân thông qua các tổ công nghệ số cộng đồng ở khu phố, thôn.",
	 "thực hiện từ năm {Y+0}", DH_NONE},
	{"III.2.7#5", "ttu-ubnd", NULL,
	 "Đầu tư hệ thống camera giám sát an ninh, trật tự kết nối Trung tâm điều hành đô thị thông minh.",
	 "hoàn thành trong năm {Y+1}", DH_HOLD},

	/* III.2.8. Ủy ban MTTQ Việt Nam thành phố */
	{"III.2.8#1", "ttu-mttq", NULL,
	 "Vận động Nhân dân tham gia giám sát việc tu dưỡng, rèn luyện đạo đức, lối sống của cán bộ, đảng viên nơi cư trú.",
	 "thực hiện thường xuyên", DH_STALE},

	/* III.2.9. Các đảng ủy, chi bộ cơ sở */
	{"III.2.9#1", "ttu-anphu", NULL,
	 "Đảng ủy phường An Phú xây dựng mô hình \"Khu phố số\", thí điểm thanh toán không dùng tiền mặt tại chợ An Phú.",
	 "hoàn thành trong quý {Q-1}", DH_NONE},
	{"III.2.9#2", "ttu-donghoa", NULL,
	 "Đảng ủy phường Đông Hòa kiện toàn tổ công nghệ số cộng đồng ở 100% khu phố.",
	 "hoàn thành trong tháng {M-2}", DH_NONE},
	{"III.2.9#3", "ttu-tanlap", NULL,
	 "Đảng ủy xã Tân Lập nâng cao chất lượng sinh hoạt chi bộ thôn; mỗi chi bộ sinh hoạt ít nhất một chuyên đề về chuyển đổi số trong năm.",
	 "hằng năm", DH_NONE},
	{"III.2.9#4", "ttu-cbbv", NULL,
	 "Chi bộ Bệnh viện Đa khoa thành phố lãnh đạo triển khai bệnh án điện tử, thanh toán viện phí không dùng tiền mặt.",
	 "hoàn thành trong năm {Y+0}", DH_NONE},
	{"III.2.9#5", "ttu-tanlap", NULL,
	 "Đảng ủy xã Tân Lập rà soát nguồn, kết nạp đảng viên ở các thôn chưa có đảng viên hoặc chưa có chi bộ.",
	 "thực hiện trong năm {Y-1}", DH_NONE},

	/* IV. Tổ chức thực hiện */
	{"IV#1", "ttu-btc", "ttu-vp",
	 "Ban Tổ chức Thành ủy chủ trì, phối hợp với Văn phòng Thành ủy theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tham mưu sơ kết, tổng kết.",
	 "thực hiện thường xuyên", DH_NONE},
	{"IV#2", "ttu-btg", NULL,
	 "Ban Tuyên giáo Thành ủy hướng dẫn tuyên truyền kết quả thực hiện Kế hoạch trên các phương tiện thông tin của thành phố.",
	 NULL, DH_NONE},
	{"IV#3", "ttu-vp", NULL,
	 "Văn phòng Thành ủy tham mưu điều chỉnh, bổ sung Kế hoạch khi Tỉnh ủy có chủ trương mới về sắp xếp đơn vị hành chính.",
	 "sau khi có hướng dẫn của Tỉnh ủy (năm {Y+0})", DH_NONE},
	{"IV#4", "ttu", NULL,
	 "Ban Thường vụ Thành ủy sơ kết, đánh giá kết quả thực hiện; biểu dương, khen thưởng tập thể, cá nhân tiêu biểu.",
	 "theo nhiệm kỳ", DH_NONE},
};

static const struct demo_indicator ttu_indicators[] = {
	{"II#1", "ttu-vp",
	 "Đến năm {Y+0}, 100% tổ chức cơ sở đảng trực thuộc sử dụng phần mềm quản lý văn bản và hồ sơ công việc.",
	 0, 100, NAN, "%", 40},
	{"II#2", "ttu-ubnd",
	 "Đến năm {Y+1}, tối thiểu 85%, phấn đấu 95% hồ sơ thủ tục hành chính của thành phố được tiếp nhận, giải quyết trực tuyến.",
	 1, 85, 95, "%", 52},
	{"II#3", "ttu-btc",
	 "Hằng năm, 100% chi bộ tổ chức sinh hoạt chuyên đề ít nhất một lần mỗi quý.",
	 0, 100, NAN, "%", 70},
};

/* ---- 18-KH/ĐUK: Kế hoạch của Đảng ủy Khối các cơ quan tỉnh ---- */

static const struct demo_task duk_tasks[] = {
	/* III.1. Nhiệm vụ chung */
	{"III.1#1", "duk", NULL,
	 "Các đảng bộ, chi bộ cơ sở trực thuộc quán triệt Nghị quyết số 09-NQ/TW, Chương trình hành động số 15-CTr/TU và Kế hoạch này; cụ thể hóa thành nhiệm vụ của từng cơ quan, đơn vị.",
	 "hoàn thành trong quý {Q-9}", DH_NONE},
	{"III.1#2", "duk", NULL,
	 "Gắn việc thực hiện Kế hoạch với nhiệm vụ chính trị của cơ quan; phát huy vai trò nêu gương của người đứng đầu cấp ủy, cơ quan.",
	 "thực hiện thường xuyên", DH_NONE},
	{"III.1#3", "duk", NULL,
	 "Đẩy mạnh chuyển đổi số trong hoạt động của các tổ chức đảng trong Khối; sinh hoạt chi bộ sử dụng tài liệu điện tử.",
	 "thực hiện từ năm {Y-1}", DH_NONE},

	/* III.2.1. Ban Tổ chức Đảng ủy Khối */
	{"III.2.1#1", "duk-btc", NULL,
	 "Rà soát, kiện toàn tổ chức đảng sau khi sắp xếp các sở, ban, ngành; hướng dẫn chuyển sinh hoạt đảng cho đảng viên.",
	 "hoàn thành trong quý {Q-8}", DH_NONE},
	{"III.2.1#2", "duk-btc", NULL,
	 "Chuẩn hóa dữ liệu đảng viên trên Cơ sở dữ liệu đảng viên; hoàn thành cấp thẻ đảng viên điện tử.",
	 "hoàn thành trước ngày {D+40}", DH_NONE},
	{"III.2.1#3", "duk-btc", NULL,
	 "Tham mưu đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên trong Khối.",
	 "vào tháng 12 hằng năm", DH_NONE},
	{"III.2.1#4", "duk-btc", NULL,
	 "Hướng dẫn phát triển đảng viên trong đội ngũ trí thức trẻ, chuyên gia công nghệ thông tin của các cơ quan.",
	 "thực hiện trong năm {Y-1}", DH_NONE},
	{"III.2.1#5", "duk-btc", NULL,
	 "Tổ chức bồi dưỡng nghiệp vụ công tác đảng cho cấp ủy viên và bí thư chi bộ cơ sở.",
	 "hoàn thành trước ngày {D+13}", DH_NONE},

	/* III.2.2. Ủy ban Kiểm tra Đảng ủy Khối */
	{"III.2.2#1", "duk-ubkt", NULL,
	 "Kiểm tra việc thực hiện quy chế làm việc tại Đảng ủy Sở Tài chính, Đảng ủy Sở Giáo dục và Đào tạo.",
	 "hoàn thành trong quý {Q-4}", DH_NONE},
	{"III.2.2#2", "duk-ubkt", NULL,
	 "Giám sát việc thực hiện trách nhiệm nêu gương, kê khai tài sản, thu nhập của người đứng đầu các cơ quan trong Khối.",
	 "thường xuyên", DH_NONE},
	{"III.2.2#3", "duk-ubkt", NULL,
	 "Xây dựng chương trình kiểm tra, giám sát của Đảng ủy Khối, trong đó có nội dung thực hiện Kế hoạch này.",
	 "thực hiện hằng năm", DH_NONE},

	/* III.2.3. Văn phòng Đảng ủy Khối */
	{"III.2.3#1", "duk-vp", NULL,
	 "Triển khai phần mềm quản lý văn bản đến 100% chi bộ, đảng bộ cơ sở; hướng dẫn quy trình gửi, nhận văn bản điện tử.",
	 "hoàn thành trong tháng {M-6}", DH_NONE},
	{"III.2.3#2", "duk-vp", NULL,
	 "Xây dựng chuyên trang của Đảng ủy Khối trên Cổng thông tin điện tử Đảng bộ tỉnh.",
	 "hoàn thành trong quý {Q+1}", DH_NONE},
	{"III.2.3#3", "duk-vp", NULL,
	 "Tổng hợp kết quả thực hiện Kế hoạch, báo cáo Ban Thường vụ Tỉnh ủy.",
	 "vào tháng 12 hằng năm", DH_NONE},
	{"III.2.3#4", "duk-vp", NULL,
	 "Số hóa hồ sơ, tài liệu lưu trữ của Đảng ủy Khối giai đoạn 2015 - 2025.",
	 "hoàn thành trong tháng {M-2}", DH_EXTEND},

	/* III.2.4. Đảng ủy Sở Tài chính */
	{"III.2.4#1", "duk-sotc", NULL,
	 "Lãnh đạo triển khai hóa đơn điện tử, chứng từ điện tử trong quản lý, sử dụng ngân sách nhà nước.",
	 "hoàn thành trong quý {Q-5}", DH_NONE},
	{"III.2.4#2", "duk-sotc", NULL,
	 "Lãnh đạo rà soát, công khai thủ tục hành chính lĩnh vực tài chính, giá, công sản.",
	 "thực hiện theo lộ trình", DH_NONE},
	{"III.2.4#3", "duk-sotc", NULL,
	 "Lãnh đạo thẩm định quyết toán kinh phí thực hiện các đề án chuyển đổi số của tỉnh.",
	 "thực hiện trong năm {Y+0}", DH_NONE},

	/* III.2.5. Đảng ủy Sở Giáo dục và Đào tạo */
	{"III.2.5#1", "duk-sogd", NULL,
	 "Lãnh đạo triển khai học bạ số, sổ điểm điện tử ở 100% trường trung học phổ thông.",
	 "hoàn thành trong năm {Y-1}", DH_NONE},
	{"III.2.5#2", "duk-sogd", NULL,
	 "Lãnh đạo bồi dưỡng kỹ năng số, kỹ năng dạy học trực tuyến cho đội ngũ giáo viên.",
	 "thực hiện từ năm {Y-1} - {Y+1}", DH_NONE},
	{"III.2.5#3", "duk-sogd", NULL,
	 "Lãnh đạo xây dựng đề án sắp xếp mạng lưới trường lớp phù hợp với đơn vị hành chính mới.",
	 "sau khi có hướng dẫn của Bộ Giáo dục và Đào tạo", DH_NONE},
	{"III.2.5#4", "duk-sogd", NULL,
	 "Lãnh đạo phát triển đảng viên là giáo viên trẻ, học sinh ưu tú ở các trường trung học phổ thông.",
	 "hoàn thành trong năm {Y+0}", DH_NONE},

	/* III.2.6. Chi bộ Sở Tư pháp */
	{"III.2.6#1", "duk-cbtp", NULL,
	 "Lãnh đạo số hóa sổ hộ tịch, cập nhật vào Cơ sở dữ liệu hộ tịch điện tử dùng chung.",
	 "hoàn thành trong quý {Q-2}", DH_NONE},
	{"III.2.6#2", "duk-cbtp", NULL,
	 "Lãnh đạo đổi mới công tác phổ biến, giáo dục pháp luật trên nền tảng số.",
	 "thực hiện thường xuyên", DH_NONE},
	{"III.2.6#3", "duk-cbtp", NULL,
	 "Lãnh đạo thẩm định dự thảo văn bản quy phạm pháp luật về chuyển đổi số của tỉnh.",
	 "theo yêu cầu của Ủy ban nhân dân tỉnh", DH_NONE},

	/* IV. Tổ chức thực hiện */
	{"IV#1", "duk-btc", "duk-vp, duk-ubkt",
	 "Ban Tổ chức Đảng ủy Khối chủ trì, phối hợp với Văn phòng, Ủy ban Kiểm tra Đảng ủy Khối theo dõi, đôn đốc việc thực hiện.",
	 "thực hiện thường xuyên", DH_NONE},
	{"IV#2", "duk-vp", NULL,
	 "Văn phòng Đảng ủy Khối tham mưu sơ kết giữa nhiệm kỳ việc thực hiện Kế hoạch.",
	 "hoàn thành trong quý {Q+4}", DH_NONE},
	{"IV#3", "duk", NULL,
	 "Ban Thường vụ Đảng ủy Khối đánh giá kết quả thực hiện, gắn với kiểm điểm cuối nhiệm kỳ.",
	 "theo nhiệm kỳ", DH_NONE},
	{"IV#4", "duk", NULL,
	 "Các đảng bộ, chi bộ cơ sở chủ động đề xuất nội dung bổ sung phù hợp với chức năng, nhiệm vụ của cơ quan.",
	 NULL, DH_NONE},
};

static const struct demo_indicator duk_indicators[] = {
	{"II#1", "duk-vp",
	 "Đến năm {Y+0}, 100% chi bộ, đảng bộ cơ sở trong Khối gửi, nhận văn bản trên môi trường mạng.",
	 0, 100, NAN, "%", 55},
	{"II#2", "duk-btc",
	 "Hằng năm, tối thiểu 92% đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
	 0, 92, NAN, "%", 88},
};

/* ---- 27-KH/HU: Kế hoạch của Huyện ủy Kim Lâm ---- */

static const struct demo_task hkl_tasks[] = {
	/* III.1. Nhiệm vụ chung */
	{"III.1#1", "hkl", NULL,
	 "Các chi bộ, đảng bộ cơ sở tổ chức quán triệt Nghị quyết số 09-NQ/TW, Chương trình hành động số 15-CTr/TU và Kế hoạch này; xây dựng kế hoạch thực hiện ở cấp mình.",
	 "cấp huyện hoàn thành trong tháng {M-9}; cấp cơ sở hoàn thành trước ngày {D-240}", DH_NONE},
	{"III.1#2", "hkl", NULL,
	 "Nâng cao chất lượng sinh hoạt chi bộ; thực hiện nghiêm chế độ tự phê bình và phê bình, kiểm điểm cuối năm.",
	 "thường xuyên", DH_NONE},

	/* III.2.1. Ban Tổ chức Huyện ủy */
	{"III.2.1#1", "hkl-btc", NULL,
	 "Tham mưu kiện toàn tổ chức bộ máy, biên chế các cơ quan đảng, Mặt trận Tổ quốc và các đoàn thể huyện theo hướng tinh gọn.",
	 "thực hiện theo lộ trình", DH_NONE},
	{"III.2.1#2", "hkl-btc", NULL,
	 "Rà soát, đánh giá đội ngũ cán bộ, công chức cấp xã; xây dựng kế hoạch đào tạo, bồi dưỡng đến năm 2030.",
	 "hoàn thành trong quý {Q-6}", DH_NONE},
	{"III.2.1#3", "hkl-btc", NULL,
	 "Hướng dẫn các đảng bộ cơ sở cập nhật hồ sơ đảng viên trên phần mềm quản lý đảng viên.",
	 "hoàn thành trong tháng {M-1}", DH_NONE},
	{"III.2.1#4", "hkl-btc", "hkl-ubkt",
	 "Chủ trì, phối hợp với Ủy ban Kiểm tra Huyện ủy tham mưu bố trí bí thư cấp ủy cấp xã không là người địa phương.",
	 "thực hiện trong năm {Y+0}", DH_NONE},
	{"III.2.1#5", "hkl-btc", NULL,
	 "Tham mưu đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên của Đảng bộ huyện.",
	 "vào tháng 12 hằng năm", DH_NONE},

	/* III.2.2. Ban Tuyên giáo Huyện ủy */
	{"III.2.2#1", "hkl-btg", NULL,
	 "Tổ chức học tập, quán triệt Nghị quyết và Kế hoạch cho cán bộ chủ chốt huyện, bí thư chi bộ.",
	 "trước ngày {D-270}", DH_NONE},
	{"III.2.2#2", "hkl-btg", NULL,
	 "Xây dựng chuyên mục \"Chuyển đổi số ở Kim Lâm\" trên Trang thông tin điện tử huyện và Đài Truyền thanh huyện.",
	 "hoàn thành trong quý {Q-3}", DH_NONE},
	{"III.2.2#3", "hkl-btg", NULL,
	 "Tuyên truyền gương điển hình tiên tiến, cách làm hay trong thực hiện Nghị quyết.",
	 "tuyên truyền thường xuyên", DH_NONE},

	/* III.2.3. Ủy ban Kiểm tra Huyện ủy */
	{"III.2.3#1", "hkl-ubkt", NULL,
	 "Kiểm tra việc thực hiện Kế hoạch tại Đảng ủy xã Phúc Thịnh, Đảng ủy xã Hà Thượng.",
	 "hoàn thành trong quý {Q+0}", DH_NONE},
	{"III.2.3#2", "hkl-ubkt", NULL,
	 "Giám sát việc kê khai tài sản, thu nhập của cán bộ thuộc diện Ban Thường vụ Huyện ủy quản lý.",
	 "thực hiện trong năm {Y+0}", DH_NONE},
	{"III.2.3#3", "hkl-ubkt", NULL,
	 "Kiểm tra tổ chức đảng, đảng viên khi có dấu hiệu vi phạm; giải quyết đơn thư đúng thời hạn.",
	 "thực hiện thường xuyên", DH_NONE},

	/* III.2.4. Văn phòng Huyện ủy */
	{"III.2.4#1", "hkl-vp", NULL,
	 "Triển khai hệ thống quản lý văn bản và điều hành đến các đảng ủy xã, thị trấn.",
	 "hoàn thành trong quý {Q-4}", DH_EXTEND},
	{"III.2.4#2", "hkl-vp", NULL,
	 "Trang bị máy tính, kết nối mạng thông tin diện rộng của Đảng cho các đảng ủy xã, thị trấn.",
	 "hoàn thành trước ngày {D+6}", DH_NONE},
	{"III.2.4#3", "hkl-vp", NULL,
	 "Tổng hợp, báo cáo kết quả thực hiện Kế hoạch gửi Ban Thường vụ Tỉnh ủy.",
	 "vào tháng 11 hằng năm", DH_NONE},

	/* III.2.5. Ủy ban nhân dân huyện */
	{"III.2.5#1", "hkl-ubnd", NULL,
	 "Xây dựng Kế hoạch chuyển đổi số huyện Kim Lâm; ưu tiên nông nghiệp số, thương mại điện tử cho sản phẩm OCOP.",
	 "hoàn thành trong quý {Q-7}", DH_NONE},
	{"III.2.5#2", "hkl-ubnd", NULL,
	 "Nâng cao chỉ số cải cách hành chính của huyện; công khai, minh bạch thủ tục hành chính tại bộ phận một cửa.",
	 "thực hiện từ năm {Y-1} - {Y+1}", DH_NONE},
	{"III.2.5#3", "hkl-ubnd", NULL,
	 "Hỗ trợ hợp tác xã, hộ sản xuất đưa sản phẩm lên sàn thương mại điện tử.",
	 "thực hiện từ năm {Y+0}", DH_NONE},
	{"III.2.5#4", "hkl-ubnd", NULL,
	 "Triển khai cấp chữ ký số cá nhân cho người dân, doanh nghiệp trên địa bàn huyện.",
	 "thực hiện theo Kế hoạch số 112/KH-UBND ngày {D-330}", DH_NONE},

	/* III.2.6. Ủy ban MTTQ Việt Nam huyện */
	{"III.2.6#1", "hkl-mttq", NULL,
	 "Vận động Nhân dân cài đặt, sử dụng ứng dụng định danh điện tử và dịch vụ công trực tuyến.",
	 "thực hiện trong năm {Y+0}", DH_NONE},
	{"III.2.6#2", "hkl-mttq", NULL,
	 "Tổ chức giám sát việc thực hiện dân chủ ở cơ sở, việc tiếp công dân của người đứng đầu.",
	 "thực hiện thường xuyên", DH_NONE},

	/* III.2.7. Các đảng ủy cơ sở */
	{"III.2.7#1", "hkl-thitran", NULL,
	 "Đảng ủy thị trấn Kim Lâm xây dựng mô hình \"Tổ dân phố điện tử\", công khai thông tin trên nhóm mạng xã hội của tổ dân phố.",
	 "hoàn thành trong quý {Q-2}", DH_NONE},
	{"III.2.7#2", "hkl-xaphuc", NULL,
	 "Đảng ủy xã Phúc Thịnh kiện toàn tổ công nghệ số cộng đồng ở các thôn.",
	 "hoàn thành trong tháng {M-4}", DH_NONE},
	{"III.2.7#3", "hkl-xaha", NULL,
	 "Đảng ủy xã Hà Thượng nâng cao chất lượng sinh hoạt chi bộ thôn vùng đồng bào dân tộc thiểu số.",
	 "thực hiện thường xuyên", DH_NONE},
	{"III.2.7#4", "hkl-xaha", NULL,
	 "Đảng ủy xã Hà Thượng phát triển đảng viên ở thôn Bản Khe, thôn Nà Sàng.",
	 "hoàn thành trong năm {Y+0}", DH_NONE},

	/* IV. Tổ chức thực hiện */
	{"IV#1", "hkl-btc", "hkl-vp",
	 "Ban Tổ chức Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, đôn đốc việc thực hiện Kế hoạch.",
	 "thực hiện thường xuyên", DH_NONE},
	{"IV#2", "hkl-vp", NULL,
	 "Văn phòng Huyện ủy tham mưu điều chỉnh nhiệm vụ của Kế hoạch khi có quyết định sắp xếp đơn vị hành chính cấp huyện.",
	 "sau khi có văn bản của Tỉnh ủy (năm {Y+1})", DH_NONE},
	{"IV#3", "hkl", NULL,
	 "Các chi bộ, đảng bộ cơ sở chủ động bổ sung nhiệm vụ phù hợp với tình hình địa phương.",
	 NULL, DH_NONE},
};

static const struct demo_indicator hkl_indicators[] = {
	{"II#1", "hkl-ubnd",
	 "Đến năm {Y+1}, tối thiểu 70%, phấn đấu 80% hồ sơ thủ tục hành chính của huyện được giải quyết trực tuyến.",
	 1, 70, 80, "%", 35},
	{"II#2", "hkl-btc",
	 "Mỗi năm kết nạp tối thiểu 150 đảng viên mới.",
	 0, 150, NAN, "đảng viên", 0},
};

static const struct demo_plan plans[] = {
	{"CTr", "15-CTr/TU", "tu", "Ban Thường vụ Tỉnh ủy",
	 "Chương trình hành động thực hiện Nghị quyết số 09-NQ/TW của Bộ Chính trị về nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức đảng; đẩy mạnh chuyển đổi số và cải cách hành chính trong hệ thống chính trị đến năm 2030",
	 "Trần Quốc Hưng", "BÍ THƯ", 470, {"09-NQ/TW", "21-KH/TW", NULL},
	 "hoàn thành trong quý {Q-11}",
	 tu_tasks, COUNT(tu_tasks), tu_indicators, COUNT(tu_indicators)},
	{"KH", "42-KH/ThU", "ttu", "Ban Thường vụ Thành ủy",
	 "Kế hoạch thực hiện Chương trình hành động số 15-CTr/TU của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 09-NQ/TW của Bộ Chính trị",
	 "Lê Minh Khoa", "BÍ THƯ", 400, {"09-NQ/TW", "21-KH/TW", "15-CTr/TU", NULL},
	 NULL, ttu_tasks, COUNT(ttu_tasks), ttu_indicators, COUNT(ttu_indicators)},
	{"KH", "18-KH/ĐUK", "duk", "Ban Thường vụ Đảng ủy Khối",
	 "Kế hoạch thực hiện Chương trình hành động số 15-CTr/TU của Tỉnh ủy về nâng cao năng lực lãnh đạo của tổ chức đảng, đẩy mạnh chuyển đổi số trong các cơ quan Khối",
	 "Đỗ Văn Lâm", "BÍ THƯ", 350, {"09-NQ/TW", "15-CTr/TU", NULL},
	 NULL, duk_tasks, COUNT(duk_tasks), duk_indicators, COUNT(duk_indicators)},
	{"KH", "27-KH/HU", "hkl", "Ban Thường vụ Huyện ủy",
	 "Kế hoạch thực hiện Nghị quyết số 09-NQ/TW của Bộ Chính trị và Chương trình hành động số 15-CTr/TU của Tỉnh ủy",
	 "Phạm Thị Hồng Vân", "PHÓ BÍ THƯ", 300, {"09-NQ/TW", "15-CTr/TU", NULL},
	 NULL, hkl_tasks, COUNT(hkl_tasks), hkl_indicators, COUNT(hkl_indicators)},
};

const struct demo_plan *demo_plans(size_t *n)
{
	*n = COUNT(plans);
	return plans;
}
