"""Consulate-General in Ho Chi Minh City: trade and culture in southern Viet Nam, Vietnamese first."""

from ..missions import HO_CHI_MINH_CITY as HCMC
from ..spec import Event, Notice, PageSpec, Version
from ..writing import call_to_action, facts, h2, image, p, quote, text, ul, video
from .consular import passport_appointments, visa_notice
from .outreach import ask_the_head

CONSUL_GENERAL = "Daniel Hughes"

PAGES = [
    PageSpec(
        slug="renewable-energy-business-forum",
        section="events",
        versions={
            "vi": Version(
                title="Diễn đàn doanh nghiệp về năng lượng tái tạo và lưu trữ điện",
                summary=("Hơn 150 doanh nghiệp hai nước gặp gỡ để bàn về điện gió ngoài khơi, điện mặt trời áp mái và lưu "
                         "trữ năng lượng ở khu vực phía Nam."),
                body=(
                    text(p("Tổng Lãnh sự quán phối hợp với Sở Công Thương TP. Hồ Chí Minh tổ chức diễn đàn dành cho nhà đầu tư, "
                           "doanh nghiệp công nghệ và ngân hàng quan tâm đến thị trường năng lượng sạch."),
                         h2("Chương trình"),
                         ul("Phiên toàn thể: khung pháp lý mới cho mua bán điện trực tiếp",
                            "Thảo luận: tài chính xanh cho doanh nghiệp vừa và nhỏ",
                            "Gặp gỡ doanh nghiệp theo lịch hẹn trước")),
                    image("hcmc-skyline", "Bờ sông Sài Gòn, nơi đặt văn phòng của nhiều doanh nghiệp tham dự."),
                    call_to_action("Đăng ký gặp gỡ doanh nghiệp", "https://events.mfa.example/ho-chi-minh-city/energy-forum"),
                ),
                share_x="⚡ Diễn đàn năng lượng tái tạo tại TP. Hồ Chí Minh: điện gió ngoài khơi, điện mặt trời áp mái, lưu trữ điện. Đăng ký ngay!",
            ),
            "en": Version(
                title="Business forum on renewable energy and storage",
                summary="More than 150 companies from both countries meet to discuss offshore wind, rooftop solar and battery storage in southern Viet Nam.",
                body=(
                    text(p("The consulate-general and the Ho Chi Minh City Department of Industry and Trade bring together "
                           "investors, technology firms and banks interested in clean energy."),
                         ul("Plenary: the new framework for direct power purchase agreements",
                            "Panel: green finance for small and medium-sized firms", "Pre-arranged business meetings")),
                    image("hcmc-skyline", "The Saigon riverside, home to many of the participating companies."),
                    call_to_action("Book business meetings", "https://events.mfa.example/ho-chi-minh-city/energy-forum"),
                ),
                share_x="⚡ Renewable energy business forum in Ho Chi Minh City: offshore wind, rooftop solar, storage. Book your meetings.",
            ),
        },
        event=Event(-58, 8, 30, duration_hours=8, venue="Trung tâm Hội chợ và Triển lãm Sài Gòn (SECC)",
                    address="799 Nguyễn Văn Linh, Tân Phú, Quận 7, TP. Hồ Chí Minh",
                    registration_url="https://events.mfa.example/ho-chi-minh-city/energy-forum"),
        topics=("trade", "climate"),
        tags=("renewable energy", "business forum"),
        hero="hcmc-skyline",
    ),
    PageSpec(
        slug="fintech-trade-mission",
        section="news",
        versions={
            "en": Version(
                title="Twenty fintech companies join trade mission to Ho Chi Minh City",
                summary="Payment, lending and regtech firms met Vietnamese banks and e-wallets during a three-day mission led by the Trade Minister.",
                body=(
                    text(p("The delegation visited the State Bank of Viet Nam's regional office, two commercial banks and the "
                           "city's largest start-up hub. Four partnership agreements were signed on cross-border payments "
                           "and credit scoring for small businesses."),
                         p("Viet Nam has one of the fastest-growing digital payment markets in Asia: cashless transactions "
                           "rose by more than half last year.")),
                    quote("Ho Chi Minh City is where Viet Nam's digital economy is being built. Our companies want to build it "
                          "with you.", CONSUL_GENERAL, "Consul-General"),
                    facts("Mission at a glance", "20 companies, 3 days, 64 business meetings", "4 partnership agreements signed",
                          "Next mission: education technology, in the spring"),
                ),
                share_x="Fintech trade mission to Ho Chi Minh City: 20 companies, 64 meetings and 4 agreements on payments and credit scoring.",
                share_linkedin=("Our fintech trade mission to Ho Chi Minh City ended with four partnership agreements on "
                                "cross-border payments and credit scoring for small businesses. Next up: education technology."),
            ),
            "vi": Version(
                title="Hai mươi doanh nghiệp công nghệ tài chính tham gia đoàn xúc tiến thương mại tại TP. Hồ Chí Minh",
                summary=("Các doanh nghiệp thanh toán, cho vay và công nghệ quản lý tuân thủ đã gặp gỡ ngân hàng và ví điện tử "
                         "Việt Nam trong chuyến công tác ba ngày do Bộ trưởng Thương mại dẫn đầu."),
                body=(
                    text(p("Đoàn đã làm việc với Ngân hàng Nhà nước chi nhánh khu vực, hai ngân hàng thương mại và trung tâm khởi "
                           "nghiệp lớn nhất thành phố. Bốn thỏa thuận hợp tác về thanh toán xuyên biên giới và chấm điểm tín "
                           "dụng cho doanh nghiệp nhỏ đã được ký kết."),
                         p("Việt Nam là một trong những thị trường thanh toán số tăng trưởng nhanh nhất châu Á: giao dịch không "
                           "dùng tiền mặt tăng hơn 50% trong năm qua.")),
                    quote("TP. Hồ Chí Minh là nơi nền kinh tế số của Việt Nam đang được xây dựng. Các doanh nghiệp của chúng tôi "
                          "muốn cùng các bạn xây dựng nền kinh tế đó.", CONSUL_GENERAL, "Tổng Lãnh sự"),
                    facts("Chuyến công tác qua các con số", "20 doanh nghiệp, 3 ngày, 64 cuộc gặp",
                          "4 thỏa thuận hợp tác được ký kết", "Đoàn tiếp theo: công nghệ giáo dục, vào mùa xuân"),
                ),
                share_x="Đoàn doanh nghiệp công nghệ tài chính tại TP. Hồ Chí Minh: 20 doanh nghiệp, 64 cuộc gặp, 4 thỏa thuận hợp tác.",
            ),
        },
        topics=("trade", "digital-diplomacy"),
        tags=("fintech", "trade mission"),
        published_days_ago=96,
    ),
    PageSpec(
        slug="jazz-evening-saigon-opera-house",
        section="events",
        versions={
            "vi": Version(
                title="Đêm nhạc jazz tại Nhà hát Thành phố",
                summary="Bộ tứ jazz Harbour Quartet cùng nghệ sĩ saxophone Việt Nam mang đến đêm nhạc kết hợp jazz và dân ca Nam Bộ.",
                body=(
                    text(p("Nhân dịp kỷ niệm quan hệ hợp tác văn hóa, Tổng Lãnh sự quán trân trọng giới thiệu Harbour Quartet, "
                           "một trong những nhóm jazz được yêu thích nhất nước chúng tôi, trong đêm diễn chung với nghệ sĩ "
                           "saxophone Nguyễn Thanh Phong."),
                         p("Chương trình gồm các sáng tác mới của nhóm và những bản phối jazz từ dân ca Nam Bộ như "
                           "<i>Lý cây bông</i> và <i>Bèo dạt mây trôi</i>.")),
                    image("hcmc-concert", "Harbour Quartet trong một đêm diễn."),
                    video("https://www.youtube.com/watch?v=Jz6rT1nP4kW", "Harbour Quartet – đoạn giới thiệu", poster="hcmc-concert"),
                ),
                share_x="🎷 Đêm nhạc jazz tại Nhà hát Thành phố: Harbour Quartet và nghệ sĩ Nguyễn Thanh Phong. Vé mời miễn phí, đăng ký trước.",
            ),
            "en": Version(
                title="Jazz evening at the Saigon Opera House",
                summary="The Harbour Quartet and a Vietnamese saxophonist bring together jazz and folk songs of southern Viet Nam.",
                body=(
                    text(p("The consulate-general presents the Harbour Quartet, one of our best-loved jazz groups, in a joint "
                           "concert with saxophonist Nguyen Thanh Phong."),
                         p("The programme mixes the quartet's new work with jazz arrangements of southern folk songs.")),
                    image("hcmc-concert", "The Harbour Quartet in concert."),
                    video("https://www.youtube.com/watch?v=Jz6rT1nP4kW", "Harbour Quartet – trailer", poster="hcmc-concert"),
                ),
                share_x="🎷 Jazz at the Saigon Opera House: the Harbour Quartet with saxophonist Nguyen Thanh Phong. Free tickets, registration required.",
            ),
        },
        event=Event(20, 20, 0, duration_hours=2, venue="Nhà hát Thành phố Hồ Chí Minh",
                    address="7 Công trường Lam Sơn, Bến Nghé, Quận 1, TP. Hồ Chí Minh",
                    registration_url="https://events.mfa.example/ho-chi-minh-city/jazz"),
        topics=("culture",),
        tags=("concert", "jazz", "music"),
        hero="hcmc-concert",
    ),
    PageSpec(
        slug="flooding-consular-assistance",
        section="consular",
        versions={
            "en": Version(
                title="Flooding in Ho Chi Minh City and the Mekong Delta: consular assistance",
                summary=("Record tides and heavy rain have flooded parts of the city and the delta. Citizens who need help "
                         "should call the 24-hour line; the consulate-general is open for emergencies."),
                body=(
                    text(p("Several districts of Ho Chi Minh City and large areas of the Mekong Delta are flooded. Roads to the "
                           "delta are closed in places and some ferry services are suspended."),
                         ul("Stay away from flood water: it may hide open drains and live cables",
                            "Follow local authorities' instructions and local media",
                            "Keep your passport with you in a waterproof bag",
                            "If you are safe, tell your family; phone lines are busy")),
                    facts("Emergency contacts", f"Consulate-General 24-hour line: {HCMC.contact['emergency_phone']}",
                          "Local emergency services: 113 (police), 114 (fire and rescue), 115 (ambulance)"),
                ),
                share_x=f"🚨 Flooding in Ho Chi Minh City and the Mekong Delta. Stay out of flood water, follow local authorities. Citizens needing help: {HCMC.contact['emergency_phone']}",
            ),
        },
        notice=Notice("emergency", "critical", valid_from_days_ago=397, valid_for_days=5),
        topics=("consular-services",),
        tags=("flooding", "emergency"),
    ),
    PageSpec(
        slug="study-abroad-smart-campaign",
        section="news",
        versions={
            "vi": Version(
                title="#DuHọcThôngMinh: chiến dịch phòng chống lừa đảo học bổng và thị thực",
                summary=("Chuỗi video ngắn trên TikTok và Facebook giúp học sinh, phụ huynh nhận biết các chiêu trò lừa đảo "
                         "“bao đậu visa” và học bổng giả."),
                body=(
                    text(p("Mỗi năm, Tổng Lãnh sự quán nhận được hàng trăm phản ánh về các trung tâm tư vấn hứa hẹn “bao đậu "
                           "visa” hoặc học bổng toàn phần với điều kiện nộp phí trước. Chiến dịch #DuHọcThôngMinh giải thích "
                           "cách kiểm tra thông tin và bảo vệ bản thân."),
                         h2("Ba điều cần nhớ"),
                         ul("Không ai có thể “bao đậu” thị thực: quyết định chỉ do cơ quan lãnh sự đưa ra",
                            "Học bổng thật không bao giờ yêu cầu nộp phí để được nhận",
                            "Chỉ tin thông tin trên trang web và tài khoản mạng xã hội có dấu tích xác thực")),
                    video("https://www.youtube.com/watch?v=Sm9kD2xR5tQ", "#DuHọcThôngMinh – tập 1: “Bao đậu visa” là lừa đảo",
                          "Video có phụ đề tiếng Việt."),
                    call_to_action("Xem toàn bộ chuỗi video", "https://www.tiktok.com/@consulate.hcmc"),
                ),
                share_x="🎓 Không ai có thể “bao đậu visa”! Xem chuỗi video #DuHọcThôngMinh để nhận biết lừa đảo học bổng và thị thực.",
                share_facebook=("Phụ huynh và học sinh lưu ý: học bổng thật không bao giờ yêu cầu nộp phí, và không ai có thể "
                                "“bao đậu visa”. Xem và chia sẻ chuỗi video #DuHọcThôngMinh của Tổng Lãnh sự quán."),
            ),
            "en": Version(
                title="#StudyAbroadSmart: a campaign against scholarship and visa scams",
                summary="Short videos on TikTok and Facebook help students and parents recognise “guaranteed visa” offers and fake scholarships.",
                body=(
                    text(p("Every year the consulate-general hears from hundreds of families who paid agents promising a "
                           "“guaranteed visa” or a full scholarship in return for a fee. The campaign explains how to check "
                           "information and stay safe."),
                         ul("No one can guarantee a visa: only consular officers decide",
                            "Real scholarships never charge a fee", "Trust only verified websites and accounts")),
                    video("https://www.youtube.com/watch?v=Sm9kD2xR5tQ", "#StudyAbroadSmart – episode 1: “guaranteed visas” are a scam",
                          "Vietnamese with English subtitles."),
                    call_to_action("Watch the series", "https://www.tiktok.com/@consulate.hcmc"),
                ),
                share_x="🎓 No one can guarantee you a visa. Our #StudyAbroadSmart videos help families spot scholarship and visa scams.",
            ),
        },
        topics=("digital-diplomacy", "education", "consular-services"),
        tags=("social media", "campaign", "fraud"),
        published_days_ago=183,
    ),
    PageSpec(
        slug="alumni-job-fair-2027",
        section="events",
        versions={
            "vi": Version(
                title="Ngày hội việc làm dành cho cựu du học sinh",
                summary="Bản nháp: hơn 40 doanh nghiệp tuyển dụng cựu du học sinh tại TP. Hồ Chí Minh.",
                body=(text(p("Chương trình và danh sách doanh nghiệp sẽ được công bố sau khi xác nhận với các đối tác.")),),
            ),
        },
        event=Event(75, 9, 0, duration_hours=6, venue="Nhà Văn hóa Thanh niên", address="4 Phạm Ngọc Thạch, Bến Nghé, Quận 1"),
        topics=("education", "trade"),
        tags=("alumni", "jobs"),
        status="draft",
    ),
    visa_notice(HCMC, languages=("vi", "en"), centre="Tầng 5, 37 Tôn Đức Thắng, Bến Nghé, Quận 1", days=15, days_ago=300),
    passport_appointments(HCMC, weeks=6, days_ago=255),
    ask_the_head(HCMC, languages=("vi", "en"), starts_in_days=5, hour=19, facebook="ConsulateHCMC.MFA"),
]
