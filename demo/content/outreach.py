"""Public diplomacy most missions run, written once per language: film weeks, live Q&As, scholarship sessions."""

from ..spec import Event, MissionSpec, PageSpec, Version
from ..writing import cap, facts, h2, image, p, quote, text, ul, video

FILMS = ("The Long Crossing", "Harbour Lights", "Northern Winter", "Salt and Stone", "A House by the Sea")


def _film_programme() -> str:
    return ", ".join(f"<i>{film}</i>" for film in FILMS)


def _film_week(m: MissionSpec, code: str, partner: str, hero: str) -> Version:
    films = _film_programme()
    if code == "vi":
        return Version(
            title=f"Tuần phim tại {partner}: năm đêm điện ảnh đương đại",
            summary=(f"Năm bộ phim mới của chúng tôi được trình chiếu với phụ đề tiếng Việt tại {partner}. "
                     "Vào cửa tự do, cần đăng ký trước."),
            body=(
                text(p(f"{m.office['vi']} phối hợp với {partner} tổ chức Tuần phim với năm bộ phim truyện và phim tài liệu "
                       f"ra mắt trong hai năm gần đây: {films}."),
                     p("Các bộ phim được chiếu nguyên bản, có phụ đề tiếng Việt. Sau buổi chiếu khai mạc là phần giao lưu "
                       "trực tuyến với đạo diễn.")),
                image(hero, "Hình ảnh chính của Tuần phim."),
                quote("Điện ảnh là cách nhanh nhất để hai dân tộc hiểu về cuộc sống thường ngày của nhau.", m.head["vi"]),
            ),
            share_x=f"🎬 Tuần phim {m.in_city['vi']}: 5 đêm, 5 bộ phim, phụ đề tiếng Việt, vào cửa tự do. Đăng ký ngay!",
        )
    if code == "fr":
        return Version(
            title=f"Semaine du cinéma au {partner} : cinq soirées de films contemporains",
            summary=(f"Cinq films récents de notre pays, en version originale sous-titrée en français, au {partner}. "
                     "Entrée libre sur inscription."),
            body=(
                text(p(f"{cap(m.office['fr'])} et le {partner} présentent cinq longs métrages et documentaires sortis "
                       f"ces deux dernières années : {films}."),
                     p("Toutes les projections sont en version originale sous-titrée. La soirée d'ouverture sera suivie "
                       "d'une rencontre en visioconférence avec la réalisatrice de <i>The Long Crossing</i>.")),
                image(hero, "Le visuel de la Semaine du cinéma."),
                quote("Le cinéma nous fait entrer dans la vie quotidienne d'un pays mieux que n'importe quel discours.",
                      cap(m.head["fr"])),
            ),
            share_x=f"🎬 Semaine du cinéma {m.in_city['fr']} : 5 soirées, 5 films en VOST, entrée libre sur inscription.",
        )
    if code == "es":
        return Version(
            title=f"Semana de cine en la {partner}: cinco noches de cine contemporáneo",
            summary=(f"Cinco películas recientes de nuestro país, en versión original con subtítulos en español, en la {partner}. "
                     "Entrada libre con registro previo."),
            body=(
                text(p(f"{cap(m.office['es'])} y la {partner} presentan cinco largometrajes y documentales estrenados "
                       f"en los últimos dos años: {films}."),
                     p("Todas las funciones son en versión original subtitulada. Tras la función inaugural habrá un "
                       "conversatorio en línea con la directora de <i>The Long Crossing</i>.")),
                image(hero, "Imagen de la Semana de cine."),
            ),
            share_x=f"🎬 Semana de cine {m.in_city['es']}: 5 noches, 5 películas subtituladas, entrada libre con registro.",
        )
    if code == "ar":
        return Version(
            title=f"أسبوع السينما في {partner}: خمس أمسيات من السينما المعاصرة",
            summary=f"خمسة أفلام حديثة من بلادنا تُعرض بلغتها الأصلية مع ترجمة عربية في {partner}. الدخول مجاني بالتسجيل المسبق.",
            body=(
                text(p(f"تقدّم {m.office['ar']} بالتعاون مع {partner} خمسة أفلام روائية ووثائقية صدرت خلال العامين الماضيين: {films}."),
                     p("تُعرض جميع الأفلام بلغتها الأصلية مع ترجمة إلى العربية، ويعقب عرض الافتتاح لقاء عبر الإنترنت مع مخرجة الفيلم.")),
                image(hero, "الملصق الرسمي لأسبوع السينما."),
            ),
            share_x=f"🎬 أسبوع السينما {m.in_city['ar']}: خمس أمسيات وخمسة أفلام مترجمة إلى العربية. الدخول مجاني بالتسجيل.",
        )
    if code == "ja":
        return Version(
            title=f"映画週間：{partner}で上映する現代映画5作品",
            summary=f"近年公開された5作品を日本語字幕付きで{partner}にて上映します。入場無料・事前登録制です。",
            body=(
                text(p(f"{m.office['ja']}は{partner}と共催で、過去2年間に公開された長編映画とドキュメンタリー5作品を上映します。"
                       f"上映作品：{films}。"),
                     p("全作品、原語・日本語字幕付きで上映します。初日の上映後には、監督とのオンライン対談を予定しています。")),
                image(hero, "映画週間のメインビジュアル"),
            ),
            share_x=f"🎬 映画週間を{partner}で開催！5夜・5作品、日本語字幕付き。入場無料、事前登録をお願いします。",
        )
    return Version(
        title=f"Film week at {partner}: five evenings of contemporary cinema",
        summary=(f"Five recent films from home, shown in their original version with subtitles at {partner} {m.in_city['en']}. "
                 "Free entry; registration required."),
        body=(
            text(p(f"{cap(m.office['en'])} and {partner} present five feature films and documentaries released in "
                   f"the last two years: {films}."),
                 p("All screenings are in the original version with subtitles. The opening night is followed by an online "
                   "conversation with the director of <i>The Long Crossing</i>.")),
            image(hero, "Key visual of the film week."),
        ),
        share_x=f"🎬 Film week {m.in_city['en']}: five evenings, five films, subtitled, free entry with registration.",
    )


def film_week(
    m: MissionSpec, *, languages: tuple[str, ...], partners: dict[str, str], starts_in_days: int, address: str, hero: str
) -> PageSpec:
    """A week of films from home with a local cinema or cultural centre."""
    return PageSpec(
        slug="film-week",
        section="events",
        versions={code: _film_week(m, code, partners[code], hero) for code in languages},
        event=Event(
            starts_in_days, 19, 0, duration_hours=24 * 4 + 3, venue=partners[languages[0]], address=address,
            registration_url=f"https://events.mfa.example/{m.slug}/film-week",
        ),
        topics=("culture",),
        tags=("film", "culture"),
        hero=hero,
    )


def _ask(m: MissionSpec, code: str) -> Version:
    head = m.head[code]
    if code == "vi":
        return Version(
            title=f"Hỏi đáp trực tuyến cùng {head}",
            summary=f"{head} trả lời câu hỏi của quý vị về du học, làm việc và du lịch trong buổi phát trực tiếp trên Facebook.",
            body=(
                text(p(f"Trong một giờ phát trực tiếp, {head} sẽ trả lời các câu hỏi về học bổng, thị thực, cơ hội kinh doanh "
                       "và giao lưu văn hóa. Buổi hỏi đáp có phiên dịch tiếng Việt."),
                     p("Quý vị có thể gửi câu hỏi trước qua biểu mẫu trực tuyến hoặc đặt câu hỏi trong phần bình luận khi chương trình "
                       "đang diễn ra. Video sẽ được đăng lại trên kênh YouTube của chúng tôi.")),
                facts("Cách tham gia", "Theo dõi trực tiếp trên trang Facebook chính thức",
                      "Gửi câu hỏi trước qua biểu mẫu", "Có phiên dịch tiếng Việt"),
            ),
            share_x=f"🔴 Hỏi đáp trực tiếp cùng {head} trên Facebook! Gửi câu hỏi của bạn về du học, thị thực và du lịch ngay hôm nay.",
        )
    if code == "es":
        return Version(
            title=f"Pregúntale a {head}: sesión en vivo",
            summary=f"{cap(head)} responde en vivo preguntas sobre estudios, trabajo y viajes en una transmisión por Facebook.",
            body=(
                text(p(f"Durante una hora, {head} responderá preguntas sobre becas, visas, oportunidades de negocio e intercambio "
                       "cultural. La sesión contará con interpretación al español."),
                     p("Envíe sus preguntas con antelación mediante el formulario o escríbalas en los comentarios durante la "
                       "transmisión. El video quedará disponible en nuestro canal de YouTube.")),
                facts("Cómo participar", "Transmisión en vivo en nuestra página oficial de Facebook",
                      "Preguntas previas mediante el formulario en línea", "Interpretación al español"),
            ),
            share_x=f"🔴 ¡En vivo! {cap(head)} responde tus preguntas sobre estudios, visas y viajes. Envía la tuya ya.",
        )
    if code == "ar":
        return Version(
            title=f"اسأل {head}: جلسة مباشرة على فيسبوك",
            summary=f"يجيب {head} عن أسئلتكم حول الدراسة والعمل والسفر في بث مباشر على فيسبوك.",
            body=(
                text(p(f"على مدى ساعة، يجيب {head} عن أسئلة الجمهور حول المنح الدراسية والتأشيرات وفرص الأعمال والتبادل الثقافي، "
                       "مع ترجمة فورية إلى العربية."),
                     p("يمكنكم إرسال أسئلتكم مسبقًا عبر الاستمارة الإلكترونية أو كتابتها في التعليقات أثناء البث، "
                       "وسيُنشر التسجيل لاحقًا على قناتنا في يوتيوب.")),
                facts("طريقة المشاركة", "البث المباشر على صفحتنا الرسمية في فيسبوك",
                      "إرسال الأسئلة مسبقًا عبر الاستمارة", "ترجمة فورية إلى العربية"),
            ),
            share_x=f"🔴 بث مباشر: {head} يجيب عن أسئلتكم حول الدراسة والتأشيرات والسفر. أرسلوا أسئلتكم الآن!",
        )
    if code == "ja":
        return Version(
            title=f"{head}に聞く：オンライン質問会",
            summary=f"{head}が留学・就労・旅行に関する皆さまの質問にFacebookライブでお答えします。",
            body=(
                text(p(f"1時間のライブ配信で、{head}が奨学金、査証、ビジネス機会、文化交流についての質問にお答えします。"
                       "日本語の通訳が付きます。"),
                     p("質問は事前にオンラインフォームからお送りいただくか、配信中にコメント欄にご記入ください。"
                       "配信後、動画はYouTubeチャンネルでご覧いただけます。")),
                facts("参加方法", "公式Facebookページでライブ配信", "オンラインフォームで事前に質問を受付", "日本語通訳付き"),
            ),
            share_x=f"🔴 {head}に聞く！留学・査証・旅行についての質問にFacebookライブでお答えします。質問をお寄せください。",
        )
    return Version(
        title=f"Ask {head}: a live Q&A on Facebook",
        summary=f"{head} answers your questions about studying, working and travelling in a one-hour Facebook Live.",
        body=(
            text(p(f"For one hour, {head} takes questions on scholarships, visas, business opportunities and cultural exchange."),
                 p("Send your questions in advance through the online form or post them in the comments during the stream. "
                   "The recording stays on our YouTube channel.")),
            facts("How to take part", "Watch live on our official Facebook page", "Send questions in advance through the form",
                  "Recording available on YouTube afterwards"),
        ),
        share_x=f"🔴 Live Q&A: {head} answers your questions on study, visas and travel. Send yours now!",
    )


def ask_the_head(m: MissionSpec, *, languages: tuple[str, ...], starts_in_days: int, hour: int, facebook: str) -> PageSpec:
    """A live online Q&A with the head of mission, the staple of digital public diplomacy."""
    return PageSpec(
        slug="live-qa-with-the-head-of-mission",
        section="events",
        versions={code: _ask(m, code) for code in languages},
        event=Event(
            starts_in_days, hour, 0, duration_hours=1, online_url=f"https://www.facebook.com/{facebook}/live",
            registration_url=f"https://forms.mfa.example/{m.slug}/ask-the-ambassador",
        ),
        topics=("digital-diplomacy", "education"),
        tags=("facebook live", "q&a"),
    )


def _scholarships(m: MissionSpec, code: str, university: str, recording: str) -> Version:
    if code == "vi":
        return Version(
            title="Học bổng thạc sĩ năm học 2027–2028: buổi giới thiệu",
            summary=f"Tìm hiểu về học bổng toàn phần bậc thạc sĩ tại buổi giới thiệu ở {university} hoặc theo dõi trực tuyến.",
            body=(
                text(p("Chương trình học bổng của Bộ Ngoại giao tài trợ toàn bộ học phí, vé máy bay và sinh hoạt phí cho một năm "
                       "học thạc sĩ tại các trường đại học đối tác."),
                     h2("Nội dung buổi giới thiệu"),
                     ul("Điều kiện và quy trình nộp hồ sơ", "Cách viết bài luận và xin thư giới thiệu",
                        "Chia sẻ của cựu học viên", "Giải đáp thắc mắc")),
                video(recording, "Buổi giới thiệu năm trước (ghi hình)"),
            ),
            share_x="🎓 Học bổng thạc sĩ toàn phần 2027–2028: tham dự buổi giới thiệu trực tiếp hoặc trực tuyến để biết cách nộp hồ sơ.",
        )
    if code == "es":
        return Version(
            title="Becas de maestría 2027–2028: sesión informativa",
            summary=f"Conozca las becas completas de maestría en una sesión presencial en la {university} o en línea.",
            body=(
                text(p("El programa de becas del Ministerio cubre colegiatura, boleto de avión y manutención durante un año de "
                       "maestría en universidades asociadas."),
                     h2("En la sesión"),
                     ul("Requisitos y proceso de postulación", "Cómo redactar el ensayo y obtener cartas de recomendación",
                        "Testimonios de exbecarios", "Preguntas y respuestas")),
                video(recording, "Sesión informativa del año pasado (grabación)"),
            ),
            share_x="🎓 Becas completas de maestría 2027–2028: asiste a la sesión informativa, presencial o en línea.",
        )
    if code == "ar":
        return Version(
            title="منح الماجستير للعام الدراسي 2027–2028: جلسة تعريفية",
            summary=f"تعرّفوا على منح الماجستير الكاملة في جلسة تعريفية في {university} أو عبر الإنترنت.",
            body=(
                text(p("يغطي برنامج المنح التابع للوزارة الرسوم الدراسية وتذاكر السفر ونفقات المعيشة لمدة عام دراسي "
                       "لنيل درجة الماجستير في الجامعات الشريكة."),
                     h2("محاور الجلسة"),
                     ul("شروط التقديم وخطواته", "كتابة المقال الشخصي والحصول على خطابات التوصية",
                        "تجارب الخريجين السابقين", "الإجابة عن الأسئلة")),
                video(recording, "تسجيل الجلسة التعريفية للعام الماضي"),
            ),
            share_x="🎓 منح ماجستير كاملة للعام 2027–2028: احضروا الجلسة التعريفية حضوريًا أو عبر الإنترنت.",
        )
    if code == "ja":
        return Version(
            title="2027～2028年度 修士課程奨学金 説明会",
            summary=f"修士課程の全額給付奨学金について、{university}での説明会またはオンラインでご紹介します。",
            body=(
                text(p("外務省奨学金プログラムは、提携大学での1年間の修士課程について、学費・往復航空券・生活費を全額支給します。"),
                     h2("説明会の内容"),
                     ul("応募資格と申請手続き", "エッセイの書き方と推薦状", "元奨学生の体験談", "質疑応答")),
                video(recording, "昨年度の説明会（録画）"),
            ),
            share_x="🎓 2027～2028年度修士課程奨学金の説明会を開催します。会場またはオンラインでご参加ください。",
        )
    return Version(
        title="Master's scholarships 2027–2028: information session",
        summary=f"Find out about fully funded master's scholarships at an information session at {university} or online.",
        body=(
            text(p("The ministry's scholarship programme pays tuition, return flights and a living allowance for a one-year "
                   "master's degree at a partner university."),
                 h2("At the session"),
                 ul("Who can apply and how", "Writing the essay and getting references", "Alumni on their year abroad",
                    "Your questions answered")),
            video(recording, "Last year's information session (recording)"),
        ),
        share_x="🎓 Fully funded master's scholarships 2027–2028: join the information session in person or online.",
    )


def scholarship_session(
    m: MissionSpec, *, languages: tuple[str, ...], universities: dict[str, str], address: str, starts_in_days: int, recording: str
) -> PageSpec:
    """An information session on the ministry's scholarships, in a university hall and streamed."""
    return PageSpec(
        slug="scholarships-information-session",
        section="events",
        versions={code: _scholarships(m, code, universities[code], recording) for code in languages},
        event=Event(
            starts_in_days, 15, 0, duration_hours=2, venue=universities[languages[0]], address=address,
            online_url=recording.replace("watch?v=", "live/"),
            registration_url=f"https://events.mfa.example/{m.slug}/scholarships",
        ),
        topics=("education",),
        tags=("scholarships", "study abroad"),
    )
