"""Embassy in Hanoi: Vietnamese first, with English translations; consular advice for citizens in English."""

from ..missions import HANOI
from ..spec import Notice, PageSpec, Version
from ..writing import call_to_action, days_since, facts, gallery, h2, image, infographic, p, quote, text, ul, video
from .consular import holiday_closure, passport_appointments, visa_notice
from .outreach import film_week, scholarship_session

AMBASSADOR = "Catherine Morley"

PAGES = [
    PageSpec(
        slug="ambassador-presents-credentials",
        section="news",
        versions={
            "vi": Version(
                title="Đại sứ Catherine Morley trình Quốc thư lên Chủ tịch nước",
                summary=("Tại lễ trình Quốc thư, Đại sứ Catherine Morley khẳng định ưu tiên của nhiệm kỳ là thúc đẩy hợp tác "
                         "về khí hậu, giáo dục và kinh tế số với Việt Nam."),
                body=(
                    text(p("Sáng nay tại Phủ Chủ tịch, Đại sứ Catherine Morley đã trình Quốc thư lên Chủ tịch nước, chính thức "
                           "bắt đầu nhiệm kỳ công tác tại Việt Nam."),
                         p("Tại buổi hội kiến sau lễ trình Quốc thư, hai bên đánh giá cao đà phát triển của quan hệ song phương "
                           "và nhất trí đẩy mạnh hợp tác trong các lĩnh vực ứng phó với biến đổi khí hậu, giáo dục đại học và "
                           "chuyển đổi số.")),
                    quote("Tôi rất vinh dự được đại diện cho đất nước mình tại Việt Nam, một đất nước năng động với những người "
                          "bạn chân thành. Tôi mong được gặp gỡ thật nhiều người Việt Nam, không chỉ ở Hà Nội mà ở khắp các tỉnh thành.",
                          AMBASSADOR, "Đại sứ"),
                    facts("Về Đại sứ Catherine Morley", "Nhà ngoại giao chuyên nghiệp với 24 năm kinh nghiệm",
                          "Từng công tác tại Bangkok, Nairobi và Phái đoàn thường trực tại Liên Hợp Quốc ở New York",
                          "Nói tiếng Anh, tiếng Pháp và đang học tiếng Việt"),
                ),
                share_x=("Đại sứ Catherine Morley đã trình Quốc thư lên Chủ tịch nước, bắt đầu nhiệm kỳ với các ưu tiên: "
                         "khí hậu, giáo dục và kinh tế số."),
                share_facebook=("Sáng nay, Đại sứ Catherine Morley đã trình Quốc thư lên Chủ tịch nước. Bà mong được gặp gỡ "
                                "thật nhiều bạn bè Việt Nam ở khắp các tỉnh thành trong nhiệm kỳ của mình."),
            ),
            "en": Version(
                title="Ambassador Catherine Morley presents her credentials to the President of Viet Nam",
                summary=("At the ceremony, Ambassador Catherine Morley said climate, education and the digital economy would "
                         "be the priorities of her term."),
                body=(
                    text(p("This morning at the Presidential Palace, Ambassador Catherine Morley presented her letters of "
                           "credence to the President of Viet Nam, formally beginning her term."),
                         p("In the meeting that followed, both sides praised the momentum of bilateral relations and agreed to "
                           "deepen cooperation on climate adaptation, higher education and digital transformation.")),
                    quote("I am honoured to represent my country in Viet Nam, a dynamic country of warm friends. I look forward "
                          "to meeting as many Vietnamese people as I can, in Hanoi and in every province.", AMBASSADOR, "Ambassador"),
                    facts("About Ambassador Catherine Morley", "Career diplomat with 24 years of experience",
                          "Previously posted to Bangkok, Nairobi and the Permanent Mission to the UN in New York",
                          "Speaks English and French, and is learning Vietnamese"),
                ),
                share_x="Ambassador Catherine Morley has presented her credentials in Hanoi. Her priorities: climate, education and the digital economy.",
            ),
        },
        topics=("digital-diplomacy",),
        tags=("ambassador", "credentials"),
        hero="hanoi-skyline",
        published_days_ago=486,
    ),
    PageSpec(
        slug="mekong-delta-climate-adaptation",
        section="news",
        versions={
            "vi": Version(
                title="Khởi động dự án thích ứng với biến đổi khí hậu cho 12.000 nông hộ ở Đồng bằng sông Cửu Long",
                summary=("Dự án trị giá 18 triệu USD trong 5 năm giúp nông dân ở Vĩnh Long, Cà Mau và Cần Thơ chuyển sang "
                         "mô hình canh tác thích ứng với xâm nhập mặn."),
                body=(
                    text(p("Đại sứ quán và Bộ Nông nghiệp và Môi trường Việt Nam vừa khởi động dự án thích ứng với biến đổi khí "
                           "hậu tại ba địa phương ven biển Đồng bằng sông Cửu Long."),
                         p("Trong 5 năm, dự án sẽ hỗ trợ 12.000 nông hộ chuyển sang mô hình lúa – tôm và các giống cây trồng chịu "
                           "mặn, lắp đặt hệ thống quan trắc độ mặn theo thời gian thực và đào tạo cán bộ khuyến nông.")),
                    image("hanoi-mekong", "Kênh rạch ở Đồng bằng sông Cửu Long, nơi dự án triển khai cùng cộng đồng nông dân."),
                    quote("Người nông dân ở Đồng bằng sông Cửu Long đang ở tuyến đầu của biến đổi khí hậu. Dự án này được thiết "
                          "kế cùng họ, chứ không chỉ dành cho họ.", AMBASSADOR, "Đại sứ"),
                    facts("Dự án qua các con số", "18 triệu USD trong 5 năm (2026–2030)",
                          "12.000 nông hộ, 40% trong số đó do phụ nữ làm chủ",
                          "60 trạm quan trắc độ mặn kết nối với ứng dụng trên điện thoại",
                          "Đối tác khoa học: Trường Đại học Cần Thơ"),
                ),
                share_x="🌾 18 triệu USD giúp 12.000 nông hộ ở Đồng bằng sông Cửu Long thích ứng với xâm nhập mặn. #KhíHậu",
            ),
            "en": Version(
                title="Climate adaptation project launched for 12,000 farming households in the Mekong Delta",
                summary=("The USD 18 million, five-year project helps farmers in Vinh Long, Ca Mau and Can Tho adapt to "
                         "rising salinity."),
                body=(
                    text(p("The embassy and Viet Nam's Ministry of Agriculture and Environment have launched a climate "
                           "adaptation project in three coastal localities of the Mekong Delta."),
                         p("Over five years it will help 12,000 households switch to rice–shrimp farming and salt-tolerant "
                           "crops, install real-time salinity monitoring and train agricultural extension officers.")),
                    image("hanoi-mekong", "Waterways of the Mekong Delta, where the project works with farming communities."),
                    quote("Mekong Delta farmers are on the front line of climate change. This project was designed with them, "
                          "not just for them.", AMBASSADOR, "Ambassador"),
                    facts("The project in numbers", "USD 18 million over five years (2026–2030)",
                          "12,000 households, 40% of them headed by women",
                          "60 salinity stations linked to a phone app", "Scientific partner: Can Tho University"),
                ),
                share_x="🌾 USD 18 million to help 12,000 Mekong Delta farming households adapt to rising salinity. #ClimateAbroad",
            ),
        },
        topics=("climate",),
        tags=("mekong", "climate adaptation", "agriculture"),
        hero="hanoi-mekong",
        published_days_ago=214,
    ),
    PageSpec(
        slug="official-zalo-account",
        section="news",
        versions={
            "vi": Version(
                title="Đại sứ quán ra mắt tài khoản Zalo chính thức",
                summary=("Từ nay, quý vị có thể nhận thông tin về thị thực, học bổng, sự kiện văn hóa và gửi câu hỏi cho "
                         "Đại sứ quán ngay trên Zalo."),
                body=(
                    text(p("Với hơn 75 triệu người dùng tại Việt Nam, Zalo là ứng dụng nhắn tin phổ biến nhất cả nước. Tài khoản "
                           "chính thức giúp Đại sứ quán đến gần hơn với người dân, đặc biệt là sinh viên và doanh nghiệp nhỏ."),
                         h2("Quý vị có thể làm gì trên Zalo?"),
                         ul("Nhận thông báo về thị thực và lịch nghỉ lễ",
                            "Đặt câu hỏi cho bộ phận lãnh sự và nhận trả lời trong vòng hai ngày làm việc",
                            "Đăng ký tham dự sự kiện văn hóa và buổi giới thiệu học bổng"),
                         p("Đại sứ quán không bao giờ yêu cầu quý vị chuyển tiền hoặc cung cấp mật khẩu qua Zalo. Hãy cảnh giác "
                           "với tài khoản giả mạo: tài khoản chính thức có dấu tích xác thực.")),
                    call_to_action("Quan tâm tài khoản Zalo của Đại sứ quán", "https://zalo.me/embassyhanoi"),
                ),
                share_x="📱 Đại sứ quán đã có mặt trên Zalo! Nhận thông tin thị thực, học bổng, sự kiện và gửi câu hỏi cho chúng tôi.",
            ),
            "en": Version(
                title="The embassy is now on Zalo",
                summary="Get visa updates, scholarship news and event invitations, and send us questions, on Viet Nam's most popular messaging app.",
                body=(
                    text(p("With more than 75 million users in Viet Nam, Zalo is where people talk. Our official account brings "
                           "the embassy closer to students and small businesses in particular."),
                         ul("Visa and holiday-closure notices", "Answers from the consular section within two working days",
                            "Registration for cultural events and scholarship sessions"),
                         p("The embassy will never ask you for money or passwords on Zalo. Look for the verified tick.")),
                    call_to_action("Follow the embassy on Zalo", "https://zalo.me/embassyhanoi"),
                ),
                draft=True,
            ),
        },
        topics=("digital-diplomacy",),
        tags=("zalo", "social media"),
        published_days_ago=331,
    ),
    PageSpec(
        slug="lunar-new-year-at-the-residence",
        section="news",
        kind="photo_story",
        versions={
            "vi": Version(
                title="Chùm ảnh: Đón Tết cổ truyền tại Tư dinh Đại sứ",
                summary="Đèn lồng, thư pháp và bánh chưng: những khoảnh khắc ấm áp tại buổi chiêu đãi mừng Xuân của Đại sứ quán.",
                body=(
                    text(p("Hơn 200 khách mời, gồm bạn bè Việt Nam, cựu du học sinh và cộng đồng doanh nghiệp, đã cùng Đại sứ "
                           "Catherine Morley đón Xuân tại Tư dinh. Năm nay lần đầu tiên có góc thư pháp với nghệ nhân đến từ "
                           "Văn Miếu – Quốc Tử Giám.")),
                    gallery("Đón Tết tại Tư dinh", ("hanoi-tet-lanterns", "Đèn lồng đỏ thắp sáng khu vườn Tư dinh."),
                            ("hanoi-tet-calligraphy", "Khách mời xin chữ đầu năm."),
                            ("hanoi-skyline", "Hà Nội trong chiều cuối năm.")),
                    quote("Chúc các bạn một năm mới an khang, thịnh vượng!", AMBASSADOR, "Đại sứ"),
                ),
                share_x="🧧 Chùm ảnh: đèn lồng, thư pháp và bánh chưng tại buổi chiêu đãi mừng Xuân ở Tư dinh Đại sứ. Chúc mừng năm mới!",
                share_facebook="Cảm ơn hơn 200 bạn bè đã cùng chúng tôi đón Xuân tại Tư dinh! Mời quý vị xem lại những khoảnh khắc đáng nhớ.",
            ),
        },
        topics=("culture",),
        tags=("tet", "photo story", "reception"),
        hero="hanoi-tet-lanterns",
        published_days_ago=days_since(2, 24),
    ),
    PageSpec(
        slug="typhoon-warning-north-central",
        section="consular",
        versions={
            "en": Version(
                title="Typhoon warning for northern and central Viet Nam",
                summary=("A strong typhoon is expected to make landfall within 48 hours. Citizens in coastal provinces should "
                         "follow the instructions of local authorities and register their whereabouts in the travel app."),
                body=(
                    text(p("Viet Nam's national weather service expects the typhoon to bring winds above 130 km/h, heavy rain and "
                           "flooding to the coast between Quang Ninh and Hue, and landslides in mountain areas."),
                         h2("What to do"),
                         ul("Follow evacuation orders from local authorities",
                            "Keep your passport and any medicines in a waterproof bag",
                            "Charge your phone and a power bank; expect power cuts",
                            "Do not travel to the coast, Ha Long Bay or mountain passes until the storm has passed"),
                         p("Flights from Hanoi, Hai Phong and Da Nang may be cancelled at short notice. Check with your airline "
                           "before going to the airport.")),
                    facts("If you need help", f"24-hour emergency line: {HANOI.contact['emergency_phone']}",
                          "Register your whereabouts in the travel app", "Let your family know you are safe"),
                ),
                share_x=("⚠️ Typhoon warning for northern and central Viet Nam. Follow local authorities' instructions, avoid "
                         f"coastal travel, keep your passport dry. Emergency line: {HANOI.contact['emergency_phone']}"),
            ),
        },
        notice=Notice("travel_advisory", "warning", valid_from_days_ago=78, valid_for_days=6),
        topics=("consular-services",),
        tags=("typhoon", "travel advice"),
    ),
    PageSpec(
        slug="speech-digital-transformation-forum",
        section="news",
        kind="speech",
        versions={
            "en": Version(
                title="Ambassador Morley at the Viet Nam Digital Transformation Forum: “Skills, trust and open data”",
                summary=("In her keynote, the ambassador proposed a partnership on digital skills for 50,000 young Vietnamese "
                         "and on cross-border data flows for small businesses."),
                body=(
                    text(p("Check against delivery."),
                         p("Deputy Minister, distinguished guests, friends: thank you for inviting me. Viet Nam's digital economy "
                           "has grown faster than almost any in the world, and your young people are the reason."),
                         h2("Three proposals"),
                         p("First, skills: with universities in Hanoi, Da Nang and Can Tho, we will train 50,000 young people in "
                           "data, cybersecurity and design over three years. Second, trust: we want to share what we have "
                           "learned about protecting personal data without slowing innovation. Third, open data: small "
                           "businesses should be able to sell across borders without drowning in paperwork.")),
                    quote("Digital transformation is not about machines. It is about giving people the skills and the "
                          "confidence to use them.", AMBASSADOR, "Ambassador to Viet Nam"),
                    video("https://www.youtube.com/watch?v=Lq7eT2mW9cZ", "Keynote at the Viet Nam Digital Transformation Forum",
                          "Captions in Vietnamese and English."),
                ),
                share_x="“Digital transformation is about giving people the skills and the confidence to use it.” Ambassador Morley at #VDTF: 50,000 young people to be trained.",
            ),
            "vi": Version(
                title="Đại sứ Catherine Morley tại Diễn đàn Chuyển đổi số Việt Nam: “Kỹ năng, niềm tin và dữ liệu mở”",
                summary=("Trong bài phát biểu, Đại sứ đề xuất hợp tác đào tạo kỹ năng số cho 50.000 thanh niên Việt Nam và "
                         "tạo thuận lợi cho dòng dữ liệu xuyên biên giới của doanh nghiệp nhỏ."),
                body=(
                    text(p("Bài phát biểu có thể thay đổi khi trình bày."),
                         p("Thưa Thứ trưởng, thưa các vị khách quý, các bạn thân mến: xin cảm ơn lời mời của Diễn đàn. Kinh tế số "
                           "của Việt Nam thuộc nhóm tăng trưởng nhanh nhất thế giới, và lực lượng thanh niên chính là lý do."),
                         h2("Ba đề xuất"),
                         p("Thứ nhất là kỹ năng: cùng các trường đại học ở Hà Nội, Đà Nẵng và Cần Thơ, chúng tôi sẽ đào tạo 50.000 "
                           "thanh niên về dữ liệu, an ninh mạng và thiết kế trong ba năm. Thứ hai là niềm tin: chúng tôi muốn "
                           "chia sẻ kinh nghiệm bảo vệ dữ liệu cá nhân mà không làm chậm đổi mới sáng tạo. Thứ ba là dữ liệu mở: "
                           "doanh nghiệp nhỏ cần được bán hàng xuyên biên giới mà không bị vướng thủ tục giấy tờ.")),
                    quote("Chuyển đổi số không phải là câu chuyện về máy móc. Đó là trao cho con người kỹ năng và sự tự tin để "
                          "sử dụng công nghệ.", AMBASSADOR, "Đại sứ tại Việt Nam"),
                    video("https://www.youtube.com/watch?v=Lq7eT2mW9cZ", "Phát biểu tại Diễn đàn Chuyển đổi số Việt Nam",
                          "Phụ đề tiếng Việt và tiếng Anh."),
                ),
                share_x="“Chuyển đổi số là trao cho con người kỹ năng và sự tự tin.” Đại sứ Morley đề xuất đào tạo kỹ năng số cho 50.000 thanh niên.",
            ),
        },
        topics=("digital-diplomacy", "education"),
        tags=("speech", "digital economy"),
        published_days_ago=151,
    ),
    PageSpec(
        slug="youth-exchange-2027-call",
        section="news",
        versions={
            "vi": Version(
                title="Chương trình giao lưu thanh niên 2027: mời nộp hồ sơ",
                summary="Bản nháp chờ duyệt: 30 bạn trẻ từ 18 đến 25 tuổi sẽ tham gia hai tuần giao lưu về khí hậu và đổi mới sáng tạo.",
                body=(text(p("Chương trình dành cho sinh viên và người trẻ đã đi làm, có dự án cộng đồng về môi trường hoặc công "
                             "nghệ. Thông tin chi tiết về cách nộp hồ sơ sẽ được cập nhật.")),),
            ),
        },
        topics=("education",),
        tags=("youth", "exchange"),
        status="draft",
    ),
    PageSpec(
        slug="bilateral-trade-in-numbers",
        section="news",
        kind="infographic",
        versions={
            "vi": Version(
                title="Thương mại song phương qua các con số",
                summary="Kim ngạch thương mại hàng hóa và dịch vụ giữa hai nước tăng từ 4,1 tỷ USD năm 2021 lên 6,8 tỷ USD năm 2025.",
                body=(
                    text(p("Năng lượng tái tạo, giáo dục và dịch vụ số là những lĩnh vực tăng trưởng nhanh nhất trong quan hệ "
                           "thương mại giữa hai nước.")),
                    infographic(
                        "hanoi-trade-numbers",
                        ("Biểu đồ cột: kim ngạch thương mại hàng hóa và dịch vụ hai chiều, đơn vị tỷ USD. Năm 2021: 4,1. "
                         "Năm 2022: 4,9. Năm 2023: 5,3. Năm 2024: 6,2. Năm 2025: 6,8. Nguồn: cơ quan thống kê hai nước."),
                        "Thương mại hai chiều giai đoạn 2021–2025.",
                    ),
                    facts("Điểm nhấn", "Dệt may, điện tử và thủy sản chiếm 58% giá trị hàng Việt Nam xuất khẩu sang thị trường của chúng tôi",
                          "Hơn 320 doanh nghiệp của chúng tôi đang hoạt động tại Việt Nam",
                          "Dịch vụ giáo dục tăng 24% trong năm 2025"),
                ),
                share_x="📊 Thương mại song phương tăng từ 4,1 tỷ USD (2021) lên 6,8 tỷ USD (2025). Năng lượng tái tạo và dịch vụ số dẫn đầu.",
            ),
            "en": Version(
                title="Bilateral trade in numbers",
                summary="Two-way trade in goods and services grew from USD 4.1 billion in 2021 to USD 6.8 billion in 2025.",
                body=(
                    text(p("Renewable energy, education and digital services are the fastest-growing parts of the relationship.")),
                    infographic(
                        "hanoi-trade-numbers",
                        ("Bar chart: two-way trade in goods and services, in USD billion. 2021: 4.1. 2022: 4.9. 2023: 5.3. "
                         "2024: 6.2. 2025: 6.8. Source: national statistics offices."),
                        "Two-way trade, 2021–2025.",
                    ),
                    facts("Highlights", "Textiles, electronics and seafood make up 58% of Viet Nam's exports to us",
                          "More than 320 of our companies operate in Viet Nam", "Education services grew 24% in 2025"),
                ),
                share_x="📊 Trade with Viet Nam grew from USD 4.1bn (2021) to USD 6.8bn (2025), led by renewables and digital services.",
            ),
        },
        topics=("trade",),
        tags=("infographic", "trade", "statistics"),
        hero="hanoi-trade-numbers",
        published_days_ago=41,
    ),
    visa_notice(HANOI, languages=("vi", "en"), centre="Tầng 3, 8 Phạm Ngọc Thạch, Đống Đa, Hà Nội", days=15, days_ago=302),
    passport_appointments(HANOI, weeks=6, days_ago=261),
    film_week(
        HANOI, languages=("vi", "en"), partners={"vi": "Trung tâm Chiếu phim Quốc gia", "en": "the National Cinema Centre"},
        starts_in_days=-123, address="87 Láng Hạ, Đống Đa, Hà Nội", hero="hanoi-film",
    ),
    scholarship_session(
        HANOI, languages=("vi", "en"), universities={"vi": "Trường Đại học Ngoại thương", "en": "Foreign Trade University"},
        address="91 Chùa Láng, Đống Đa, Hà Nội", starts_in_days=12, recording="https://www.youtube.com/watch?v=Ws4rJ7kP2dN",
    ),
    holiday_closure(HANOI, holiday="tet", languages=("vi", "en")),
]
