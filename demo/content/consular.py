"""Consular notices most missions publish, written once per language: visas, passports, holiday closures."""

from datetime import date, timedelta

from ..spec import MissionSpec, Notice, PageSpec, Version
from ..writing import call_to_action, cap, day, days_until, facts, h2, long_date, p, text, ul

VISA_PORTAL = "https://visas.mfa.example/apply"
APPOINTMENTS = "https://consular.mfa.example/appointments"


def _visa_en(m: MissionSpec, centre: str, days: int) -> Version:
    return Version(
        title="Visa applications: apply online, then book your biometrics appointment",
        summary=(
            f"Visitors apply online and give fingerprints at the visa application centre {m.in_city['en']}. "
            f"Standard decisions take about {days} working days."
        ),
        body=(
            text(
                p("All applications for short visits, study and work are now made online. After paying the fee, "
                  "you book an appointment at the visa application centre to give your fingerprints and a photograph."),
                h2("What you need"),
                ul(
                    "A passport valid for at least six months after your planned departure, with two blank pages",
                    "The confirmation of your online application and the payment receipt",
                    "Documents showing the purpose of your visit: invitation letter, hotel booking or university admission",
                    "Evidence that you can cover your costs during your stay",
                ),
                h2("How long it takes"),
                p(f"Standard decisions take about {days} working days from your appointment. In summer and before major "
                  f"holidays, apply at least six weeks before you travel. {cap(m.office['en'])} cannot speed up "
                  "individual applications by phone or e-mail."),
            ),
            facts(f"Visa application centre {m.in_city['en']}", centre,
                  "Appointments Monday to Friday, 08:00–15:00",
                  "Passports returned by courier or collected in person"),
            call_to_action("Start your application", VISA_PORTAL),
        ),
        share_x=(f"Planning a visit? Visa applications are now fully online: apply, pay, then book your biometrics "
                 f"appointment {m.in_city['en']}. Standard decisions take about {days} working days. {VISA_PORTAL}"),
    )


def _visa_vi(m: MissionSpec, centre: str, days: int) -> Version:
    return Version(
        title="Xin thị thực: nộp hồ sơ trực tuyến, sau đó đặt lịch lấy dấu vân tay",
        summary=(
            f"Người xin thị thực nộp hồ sơ trực tuyến và lấy dấu vân tay tại Trung tâm tiếp nhận hồ sơ thị thực {m.in_city['vi']}. "
            f"Thời gian xét duyệt thông thường khoảng {days} ngày làm việc."
        ),
        body=(
            text(
                p("Từ nay, toàn bộ hồ sơ xin thị thực du lịch, du học và lao động đều được nộp trực tuyến. Sau khi nộp lệ phí, "
                  "quý vị đặt lịch hẹn tại Trung tâm tiếp nhận hồ sơ thị thực để lấy dấu vân tay và chụp ảnh."),
                h2("Hồ sơ cần chuẩn bị"),
                ul(
                    "Hộ chiếu còn hạn ít nhất sáu tháng tính từ ngày dự kiến rời đi và còn ít nhất hai trang trống",
                    "Bản xác nhận nộp hồ sơ trực tuyến và biên lai lệ phí",
                    "Giấy tờ chứng minh mục đích chuyến đi: thư mời, xác nhận đặt phòng khách sạn hoặc giấy báo nhập học",
                    "Giấy tờ chứng minh khả năng tài chính trong thời gian lưu trú",
                ),
                h2("Thời gian xử lý"),
                p(f"Thời gian xét duyệt thông thường khoảng {days} ngày làm việc kể từ ngày lấy dấu vân tay. Vào mùa hè và trước "
                  f"các kỳ nghỉ lễ lớn, quý vị nên nộp hồ sơ ít nhất sáu tuần trước ngày khởi hành. {m.office['vi']} không thể "
                  "giải quyết nhanh từng hồ sơ qua điện thoại hoặc thư điện tử."),
            ),
            facts(f"Trung tâm tiếp nhận hồ sơ thị thực {m.in_city['vi']}", centre,
                  "Tiếp nhận theo lịch hẹn từ thứ Hai đến thứ Sáu, 08:00–15:00",
                  "Trả hộ chiếu qua dịch vụ chuyển phát hoặc nhận trực tiếp"),
            call_to_action("Bắt đầu nộp hồ sơ", VISA_PORTAL),
        ),
        share_x=(f"Bạn dự định sang thăm chúng tôi? Hồ sơ xin thị thực nay được nộp hoàn toàn trực tuyến, sau đó đặt lịch lấy "
                 f"dấu vân tay {m.in_city['vi']}. Thời gian xét duyệt khoảng {days} ngày làm việc. {VISA_PORTAL}"),
    )


def _visa_fr(m: MissionSpec, centre: str, days: int) -> Version:
    return Version(
        title="Demandes de visa : déposez votre dossier en ligne, puis prenez rendez-vous pour la biométrie",
        summary=(
            f"Les demandes se font en ligne ; les empreintes digitales sont recueillies au centre de demande de visa {m.in_city['fr']}. "
            f"Le délai de décision habituel est d'environ {days} jours ouvrés."
        ),
        body=(
            text(
                p("Toutes les demandes de visa de court séjour, d'études et de travail se font désormais en ligne. Après avoir "
                  "réglé les frais, vous prenez rendez-vous au centre de demande de visa pour la prise d'empreintes et de photo."),
                h2("Les pièces à fournir"),
                ul(
                    "Un passeport valable au moins six mois après la date de départ prévue, avec deux pages vierges",
                    "La confirmation de votre demande en ligne et le reçu de paiement",
                    "Les justificatifs de l'objet du voyage : lettre d'invitation, réservation d'hôtel ou admission universitaire",
                    "Les justificatifs de ressources suffisantes pour la durée du séjour",
                ),
                h2("Les délais"),
                p(f"Une décision est habituellement rendue dans un délai d'environ {days} jours ouvrés après le rendez-vous. "
                  "En été et avant les grandes vacances scolaires, déposez votre demande au moins six semaines avant le départ. "
                  f"{cap(m.office['fr'])} ne peut pas accélérer le traitement d'un dossier par téléphone ou par courriel."),
            ),
            facts(f"Centre de demande de visa {m.in_city['fr']}", centre,
                  "Rendez-vous du lundi au vendredi, de 8 h à 15 h",
                  "Passeports restitués par coursier ou à retirer sur place"),
            call_to_action("Commencer ma demande", VISA_PORTAL),
        ),
        share_x=(f"Vous préparez un voyage ? Les demandes de visa se font désormais entièrement en ligne, puis rendez-vous "
                 f"biométrique {m.in_city['fr']}. Délai habituel : environ {days} jours ouvrés. {VISA_PORTAL}"),
    )


def _visa_es(m: MissionSpec, centre: str, days: int) -> Version:
    return Version(
        title="Solicitudes de visa: preséntela en línea y reserve su cita biométrica",
        summary=(
            f"Las solicitudes se presentan en línea y las huellas se toman en el centro de solicitudes de visa {m.in_city['es']}. "
            f"La resolución ordinaria tarda unos {days} días hábiles."
        ),
        body=(
            text(
                p("Todas las solicitudes de visa de corta estancia, estudios y trabajo se presentan ahora en línea. Tras pagar "
                  "la tarifa, usted reserva una cita en el centro de solicitudes para registrar sus huellas y tomarse la fotografía."),
                h2("Qué necesita"),
                ul(
                    "Pasaporte con vigencia mínima de seis meses posterior a la salida prevista y dos páginas en blanco",
                    "La confirmación de la solicitud en línea y el comprobante de pago",
                    "Documentos que acrediten el motivo del viaje: carta de invitación, reserva de hotel o carta de admisión",
                    "Comprobantes de solvencia económica para toda la estancia",
                ),
                h2("Plazos"),
                p(f"La resolución ordinaria tarda unos {days} días hábiles a partir de la cita. En verano y antes de los periodos "
                  "vacacionales, presente su solicitud al menos seis semanas antes del viaje. "
                  f"{cap(m.office['es'])} no puede agilizar solicitudes individuales por teléfono ni por correo electrónico."),
            ),
            facts(f"Centro de solicitudes de visa {m.in_city['es']}", centre,
                  "Citas de lunes a viernes, de 8:00 a 15:00 h",
                  "Devolución del pasaporte por mensajería o en persona"),
            call_to_action("Iniciar mi solicitud", VISA_PORTAL),
        ),
        share_x=(f"¿Planea viajar? La solicitud de visa ya es totalmente en línea: solicite, pague y reserve su cita biométrica "
                 f"{m.in_city['es']}. Resolución en unos {days} días hábiles. {VISA_PORTAL}"),
    )


def _visa_ar(m: MissionSpec, centre: str, days: int) -> Version:
    return Version(
        title="طلبات التأشيرة: قدّم طلبك إلكترونيًا ثم احجز موعد البصمات",
        summary=(
            f"تُقدَّم طلبات التأشيرة عبر الإنترنت، وتؤخذ البصمات في مركز طلبات التأشيرات {m.in_city['ar']}. "
            f"يستغرق البت في الطلب عادةً نحو {days} يوم عمل."
        ),
        body=(
            text(
                p("أصبحت جميع طلبات تأشيرات الزيارة القصيرة والدراسة والعمل تُقدَّم الآن عبر الإنترنت. وبعد سداد الرسوم، "
                  "يحجز مقدم الطلب موعدًا في مركز طلبات التأشيرات لأخذ البصمات والصورة الشخصية."),
                h2("المستندات المطلوبة"),
                ul(
                    "جواز سفر صالح لمدة ستة أشهر على الأقل بعد تاريخ المغادرة المتوقع، وفيه صفحتان فارغتان",
                    "تأكيد تقديم الطلب الإلكتروني وإيصال سداد الرسوم",
                    "مستندات تثبت الغرض من الزيارة: خطاب دعوة أو حجز فندقي أو خطاب قبول جامعي",
                    "ما يثبت القدرة على تغطية نفقات الإقامة",
                ),
                h2("مدة المعالجة"),
                p(f"يصدر القرار عادةً خلال نحو {days} يوم عمل من تاريخ الموعد. وننصح بتقديم الطلب قبل السفر بستة أسابيع على الأقل "
                  f"في فصل الصيف وقبل الأعياد. ولا تستطيع {m.office['ar']} تسريع الطلبات الفردية عبر الهاتف أو البريد الإلكتروني."),
            ),
            facts(f"مركز طلبات التأشيرات {m.in_city['ar']}", centre,
                  "المواعيد من الأحد إلى الخميس، من الثامنة صباحًا حتى الثالثة عصرًا",
                  "تسليم جوازات السفر عبر البريد السريع أو شخصيًا"),
            call_to_action("ابدأ طلبك الآن", VISA_PORTAL),
        ),
        share_x=(f"هل تخطط للسفر؟ أصبح طلب التأشيرة إلكترونيًا بالكامل: قدّم طلبك وادفع الرسوم ثم احجز موعد البصمات "
                 f"{m.in_city['ar']}. مدة البت نحو {days} يوم عمل. {VISA_PORTAL}"),
    )


def _visa_ja(m: MissionSpec, centre: str, days: int) -> Version:
    return Version(
        title="査証（ビザ）申請：オンライン申請と生体情報登録の予約について",
        summary=(
            f"査証はオンラインで申請し、{m.in_city['ja']}の査証申請センターで指紋を登録します。"
            f"通常の審査期間は約{days}営業日です。"
        ),
        body=(
            text(
                p("短期滞在、留学、就労のすべての査証申請はオンラインで受け付けています。申請料をお支払いの後、"
                  "査証申請センターで指紋登録と写真撮影の予約をしてください。"),
                h2("必要書類"),
                ul(
                    "出国予定日から6か月以上有効で、未使用の査証欄が2ページ以上ある旅券",
                    "オンライン申請の確認書と申請料の領収書",
                    "渡航目的を示す書類（招へい状、ホテルの予約確認書、大学の入学許可書など）",
                    "滞在中の費用を支弁できることを示す書類",
                ),
                h2("審査期間"),
                p(f"通常、予約日から約{days}営業日で審査結果が出ます。夏季や大型連休の前は、渡航の6週間前までに申請してください。"
                  f"{m.office['ja']}では、電話やメールによる個別の審査の迅速化には対応しておりません。"),
            ),
            facts(f"{m.in_city['ja']}査証申請センター", centre,
                  "予約受付：月曜日～金曜日 8:00～15:00",
                  "旅券の返却は配送または窓口での受け取り"),
            call_to_action("オンライン申請を始める", VISA_PORTAL),
        ),
        share_x=(f"ご旅行をご計画中の方へ：査証申請はすべてオンラインになりました。申請・支払いの後、{m.in_city['ja']}の"
                 f"センターで指紋登録をご予約ください。審査期間は約{days}営業日です。{VISA_PORTAL}"),
    )


_VISA = {"en": _visa_en, "vi": _visa_vi, "fr": _visa_fr, "es": _visa_es, "ar": _visa_ar, "ja": _visa_ja}


def visa_notice(m: MissionSpec, *, languages: tuple[str, ...], centre: str, days: int, days_ago: int) -> PageSpec:
    """How visitors apply for a visa, in the languages of the people applying."""
    return PageSpec(
        slug="visa-applications-online",
        section="consular",
        versions={code: _VISA[code](m, centre, days) for code in languages},
        notice=Notice("visa", "information", valid_from_days_ago=days_ago),
        topics=("consular-services", "digital-diplomacy"),
        tags=("visa", "online services"),
    )


def passport_appointments(m: MissionSpec, *, weeks: int, days_ago: int, hero: str = "") -> PageSpec:
    """Passport renewals for citizens living in the mission's country (in English, the citizens' language)."""
    city = m.in_city["en"]
    return PageSpec(
        slug="passport-renewals-by-appointment",
        section="consular",
        versions={
            "en": Version(
                title=f"Passport renewals {city}: apply online, collect by appointment",
                summary=(
                    f"Citizens living {city} renew passports online and collect them at {m.office['en']}. "
                    f"Allow {weeks} weeks; emergency travel documents are issued within two working days."
                ),
                body=(
                    text(
                        p("Adult and child passports are renewed through the online passport service. Upload a digital photo, "
                          "pay the fee and send your current passport by registered post, or hand it in at the consular counter."),
                        p(f"New passports are produced at headquarters and sent to {m.office['en']} in about {weeks} weeks. "
                          "We e-mail you when yours is ready; collection is by appointment only."),
                        h2("Travelling urgently?"),
                        p("If you must travel for a family emergency before your new passport arrives, book an urgent "
                          "appointment for an emergency travel document. Bring proof of the reason and of your booking."),
                    ),
                    facts("Before you apply",
                          "Check the expiry date of your passport six months before any trip",
                          "Children's passports need the consent of both parents",
                          f"Lost or stolen passports must be reported to the police {city} first",
                          f"Emergency line for citizens in distress: {m.contact.get('emergency_phone', '')}"),
                    call_to_action("Book a collection appointment", APPOINTMENTS),
                ),
                share_x=(f"Living {city}? Renew your passport online and collect it by appointment. Allow {weeks} weeks, "
                         f"and check the expiry date six months before you travel. {APPOINTMENTS}"),
            )
        },
        notice=Notice("passport", "information", valid_from_days_ago=days_ago),
        topics=("consular-services",),
        tags=("passport", "citizens abroad"),
        hero=hero,
    )


# Public holidays the consular sections close for: (first day closed, last day closed).
HOLIDAYS = {
    "tet": ((date(2025, 1, 25), date(2025, 2, 2)), (date(2026, 2, 14), date(2026, 2, 22)), (date(2027, 2, 5), date(2027, 2, 10))),
    "eid": ((date(2025, 3, 30), date(2025, 4, 2)), (date(2026, 3, 19), date(2026, 3, 22)), (date(2027, 3, 9), date(2027, 3, 12))),
    "year-end": ((date(2024, 12, 28), date(2025, 1, 5)), (date(2025, 12, 27), date(2026, 1, 4)), (date(2026, 12, 26), date(2027, 1, 3))),
    "semana-santa": ((date(2025, 4, 17), date(2025, 4, 18)), (date(2026, 4, 2), date(2026, 4, 3)), (date(2027, 3, 25), date(2027, 3, 26))),
    "fete-nationale": ((date(2025, 7, 14), date(2025, 7, 14)), (date(2026, 7, 14), date(2026, 7, 14)), (date(2027, 7, 14), date(2027, 7, 14))),
    "mashujaa": ((date(2025, 10, 20), date(2025, 10, 20)), (date(2026, 10, 20), date(2026, 10, 20)), (date(2027, 10, 20), date(2027, 10, 20))),
}

HOLIDAY_NAMES = {
    "tet": {"vi": "Tết Nguyên Đán", "en": "the Lunar New Year (Tết)"},
    "eid": {"ar": "عيد الفطر المبارك", "en": "Eid al-Fitr", "fr": "l'Aïd al-Fitr"},
    "year-end": {"ja": "年末年始", "en": "the New Year holidays"},
    "semana-santa": {"es": "Semana Santa", "en": "Holy Week"},
    "fete-nationale": {"fr": "la Fête nationale", "en": "Bastille Day"},
    "mashujaa": {"en": "Mashujaa Day"},
}


def _latest_past(holiday: str) -> tuple[date, date]:
    return max(period for period in HOLIDAYS[holiday] if period[1] < day(0))


def _closure(m: MissionSpec, code: str, name: str, first: date, last: date) -> Version:
    reopening = last + timedelta(days=1)
    while reopening.weekday() >= 5:
        reopening += timedelta(days=1)
    start, end, back = (long_date(when, code) for when in (first, last, reopening))
    phone = m.contact.get("emergency_phone", "")
    same_day = first == last
    if code == "vi":
        return Version(
            title=f"Lịch nghỉ {name}",
            summary=f"Bộ phận lãnh sự nghỉ từ {start} đến {end} và làm việc trở lại từ {back}.",
            body=(text(p(f"Nhân dịp {name}, bộ phận lãnh sự và Trung tâm tiếp nhận hồ sơ thị thực nghỉ từ {start} đến {end}. "
                         f"Các lịch hẹn đã đặt trong thời gian này được chuyển tự động; quý vị sẽ nhận thư điện tử xác nhận."),
                       p(f"Trường hợp khẩn cấp, công dân có thể gọi đường dây nóng 24/7: {phone}.")),),
        )
    if code == "ar":
        return Version(
            title=f"مواعيد العمل خلال إجازة {name}",
            summary=f"يُغلق القسم القنصلي من {start} إلى {end}، ويستأنف العمل في {back}.",
            body=(text(p(f"بمناسبة {name}، يُغلق القسم القنصلي ومركز طلبات التأشيرات من {start} إلى {end}. "
                         "ستُنقل المواعيد المحجوزة خلال هذه الفترة تلقائيًا، وسيصلكم تأكيد بالبريد الإلكتروني."),
                       p(f"في حالات الطوارئ، يمكن للمواطنين الاتصال بالخط الساخن على مدار الساعة: {phone}.")),),
        )
    if code == "ja":
        return Version(
            title=f"{name}の休館のお知らせ",
            summary=f"領事部は{start}から{end}まで休館し、{back}から業務を再開します。",
            body=(text(p(f"{name}のため、領事部および査証申請センターは{start}から{end}まで休館いたします。"
                         "期間中のご予約は自動的に変更され、確認のメールをお送りします。"),
                       p(f"緊急の場合は、24時間対応の緊急連絡先（{phone}）までお電話ください。")),),
        )
    if code == "es":
        when = f"el {start}" if same_day else f"del {start} al {end}"
        return Version(
            title=f"Horario de la sección consular en {name}",
            summary=f"La sección consular permanecerá cerrada {when} y reanudará la atención el {back}.",
            body=(text(p(f"Con motivo de {name}, la sección consular y el centro de solicitudes de visa permanecerán cerrados "
                         f"{when}. Las citas previstas en esas fechas se reprogramarán automáticamente y recibirá un correo de confirmación."),
                       p(f"En caso de emergencia, los nacionales pueden llamar a la línea de atención 24 horas: {phone}.")),),
        )
    if code == "fr":
        when = f"le {start}" if same_day else f"du {start} au {end}"
        return Version(
            title=f"Fermeture de la section consulaire pour {name}",
            summary=f"La section consulaire sera fermée {when} et rouvrira le {back}.",
            body=(text(p(f"À l'occasion de {name}, la section consulaire et le centre de demande de visa seront fermés {when}. "
                         "Les rendez-vous prévus à ces dates seront reportés automatiquement et confirmés par courriel."),
                       p(f"En cas d'urgence, nos ressortissants peuvent joindre la permanence 24 h/24 : {phone}.")),),
        )
    when = f"on {start}" if same_day else f"from {start} to {end}"
    return Version(
        title=f"Consular section closed for {name}",
        summary=f"The consular section is closed {when} and reopens on {back}.",
        body=(text(p(f"For {name}, the consular section and the visa application centre are closed {when}. Appointments "
                     "booked for those days are moved automatically and confirmed by e-mail."),
                   p(f"In an emergency, citizens can call the 24-hour line: {phone}.")),),
    )


def holiday_closure(m: MissionSpec, *, holiday: str, languages: tuple[str, ...]) -> PageSpec:
    """Closure of the consular section for the latest public holiday: an expired notice."""
    first, last = _latest_past(holiday)
    announced = days_until(first) * -1 + 10
    return PageSpec(
        slug=f"closure-{holiday}-{first.year}",
        section="consular",
        versions={code: _closure(m, code, HOLIDAY_NAMES[holiday][code], first, last) for code in languages},
        notice=Notice("other", "information", valid_from_days_ago=announced, valid_for_days=announced + days_until(last) + 1),
        topics=("consular-services",),
        tags=("opening hours",),
    )
