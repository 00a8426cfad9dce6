package io.cti.core.demo;

import io.cti.core.customers.Address;
import io.cti.core.customers.CarePlanContact;
import io.cti.core.customers.Channel;
import io.cti.core.customers.CustomerBulkLoader;
import io.cti.core.customers.CustomerKind;
import io.cti.core.customers.CustomerPhone;
import io.cti.core.customers.CustomerProfile;
import io.cti.core.customers.CustomerType;
import io.cti.core.customers.Direction;
import io.cti.core.customers.Gender;
import io.cti.core.customers.Interaction;
import io.cti.core.customers.PhoneLabel;
import io.cti.core.customers.Purchase;
import io.cti.core.customers.ServiceRequest;
import io.cti.core.demo.Vocabulary.City;
import io.cti.core.demo.Vocabulary.Topic;
import io.cti.core.demo.Vocabulary.Trade;
import io.cti.core.demo.Vocabulary.Word;
import io.cti.core.phone.PhoneNumber;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Makes realistic demo customers, deterministically: the same seed, {@code today} and index always give the
 * same customer, so the same seed and count give the same output, byte for byte, on any machine. Each customer
 * is computed from its index alone, so a stream of a million is never held in memory, and a later range
 * ({@link #stream(long, long)}) continues a set without repeating anyone.
 *
 * <p>What it makes, in proportions that suit a demo and a benchmark:
 * <ul>
 *   <li>about 85% individuals and 15% organizations; about 55% in China (Chinese names, cities, mobiles
 *       +86 13x/15x/18x, fixed lines with the city's area code, Asia/Shanghai) and 45% in the United States
 *       (English names, cities whose area codes, ZIP codes and time zones match);</li>
 *   <li>phone numbers that libphonenumber accepts as valid, unique across every index below
 *       {@link #MAX_CUSTOMERS} of one seed (never a 555 exchange);</li>
 *   <li>types: mostly CURRENT, some POTENTIAL (never bought), LOST (stopped buying more than a year ago) and,
 *       among organizations, DISTRIBUTOR (large, frequent orders);</li>
 *   <li>purchase values drawn from a Pareto distribution, so that about 20% of buyers bring about 80% of the
 *       value; some purchases unpaid past their due date;</li>
 *   <li>calls in and out with their outcomes and the agent's notes, e-mails, chats, complaints and service
 *       requests (some still open), satisfaction scores 1-5 after calls, campaigns taken part in, and care-plan
 *       contacts (done, overdue, and planned in the future).</li>
 * </ul>
 * All history lies before {@code today} in the customer's time zone; only planned contacts lie after it.
 * Immutable and thread-safe.
 */
public final class DemoCustomers {

    /** Indexes must stay below this: every block of phone numbers holds three numbers for each. */
    public static final long MAX_CUSTOMERS = 5_000_000L;

    private static final int PHONE_SLOTS = 3;
    private static final double PARETO_ALPHA = 1.2;

    private final long seed;
    private final LocalDate today;
    private final NumberSpace cnMobiles;
    private final Map<String, NumberSpace> fixedLines = new HashMap<>();
    private final int[] cnCityWeights;
    private final int[] usCityWeights;

    public DemoCustomers(long seed, LocalDate today) {
        this.seed = seed;
        this.today = Objects.requireNonNull(today, "today");
        this.cnMobiles = new NumberSpace(Vocabulary.CN_MOBILE_PREFIXES.stream().map(p -> "+86" + p).toList(), new int[]{0}, 0, 8, Seeds.of(seed, 1, 0));
        int block = 0;
        for (City city : Vocabulary.CN_CITIES) {
            // the first digit of a Chinese fixed-line subscriber number: 2-7 are valid in every city used here
            fixedLines.put(city.name(), new NumberSpace(List.of("+86" + city.areaCodes().get(0)), NumberSpace.range(2, 7), 1, 7,
                    Seeds.of(seed, 2, block++)));
        }
        for (City city : Vocabulary.US_CITIES) {
            fixedLines.put(city.name(), new NumberSpace(city.areaCodes().stream().map(code -> "+1" + code).toList(),
                    NumberSpace.usExchanges(), 3, 4, Seeds.of(seed, 2, block++)));
        }
        for (NumberSpace space : fixedLines.values()) {
            if (space.size() < MAX_CUSTOMERS * PHONE_SLOTS) {
                throw new IllegalStateException("a block of demo phone numbers is too small for " + MAX_CUSTOMERS + " customers");
            }
        }
        this.cnCityWeights = Vocabulary.CN_CITIES.stream().mapToInt(City::weight).toArray();
        this.usCityWeights = Vocabulary.US_CITIES.stream().mapToInt(City::weight).toArray();
    }

    public long seed() {
        return seed;
    }

    public LocalDate today() {
        return today;
    }

    /** The customer at {@code index} (0 &le; index &lt; {@link #MAX_CUSTOMERS}). */
    public GeneratedCustomer customer(long index) {
        if (index < 0 || index >= MAX_CUSTOMERS) {
            throw new IllegalArgumentException("demo customer index must be in [0, " + MAX_CUSTOMERS + "): " + index);
        }
        return new Maker(index).make();
    }

    /** Customers 0 to {@code count - 1}, in order, made one at a time as the stream is read. */
    public Stream<GeneratedCustomer> stream(long count) {
        return stream(0, count);
    }

    /** Customers {@code from} to {@code from + count - 1}, in order, made one at a time as the stream is read. */
    public Stream<GeneratedCustomer> stream(long from, long count) {
        if (from < 0 || count < 0 || from + count > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("demo customers [" + from + ", " + (from + count) + ") outside [0, "
                    + MAX_CUSTOMERS + ")");
        }
        return LongStream.range(from, from + count).mapToObj(this::customer);
    }

    public Iterator<GeneratedCustomer> iterator(long from, long count) {
        return stream(from, count).iterator();
    }

    /** Builds one customer; holds the customer's own random generator. Not thread-safe (one per customer). */
    private final class Maker {

        private final long index;
        private final SplittableRandom random;
        private boolean chinese;
        private boolean organization;
        private CustomerType type;
        private City city;
        private ZoneId zone;
        private LocalDate since;
        private LocalDate lastDay;
        private boolean vip;
        private boolean latePayer;
        private int paymentTerms;

        Maker(long index) {
            this.index = index;
            this.random = new SplittableRandom(Seeds.of(seed, 0, index));
        }

        GeneratedCustomer make() {
            chinese = percent(55);
            organization = percent(15);
            type = organization
                    ? pick(new CustomerType[]{CustomerType.CURRENT, CustomerType.DISTRIBUTOR, CustomerType.POTENTIAL, CustomerType.LOST},
                    45, 30, 15, 10)
                    : pick(new CustomerType[]{CustomerType.CURRENT, CustomerType.POTENTIAL, CustomerType.LOST}, 63, 22, 15);
            city = chinese ? Vocabulary.CN_CITIES.get(weighted(cnCityWeights)) : Vocabulary.US_CITIES.get(weighted(usCityWeights));
            zone = city.zone();
            lastDay = today.minusDays(1);
            vip = percent(type == CustomerType.DISTRIBUTOR ? 10 : 1);
            paymentTerms = organization ? pick(new Integer[]{30, 45, 60}, 60, 25, 15) : 30;

            List<Purchase> purchases = purchases();
            List<Interaction> interactions = interactions(purchases);
            List<ServiceRequest> requests = serviceRequests();
            List<CustomerBulkLoader.Score> scores = scores(interactions, requests);
            List<CustomerBulkLoader.Campaign> campaigns = campaigns();
            List<CarePlanContact> plan = carePlan();
            CustomerProfile profile = organization ? organizationProfile() : individualProfile();
            return new GeneratedCustomer(index, profile, purchases, interactions, requests, scores, campaigns, plan);
        }

        // ------------------------------------------------------------ static data

        private CustomerProfile individualProfile() {
            Gender gender = pick(new Gender[]{Gender.MALE, Gender.FEMALE, Gender.OTHER, Gender.UNDISCLOSED}, 49, 49, 1, 1);
            boolean male = gender == Gender.MALE || gender == Gender.OTHER && percent(50) || gender == Gender.UNDISCLOSED && percent(50);
            int age = 18 + random.nextInt(28) + random.nextInt(28);
            LocalDate birthDate = today.minusYears(age).minusDays(random.nextInt(365));
            String name;
            String email = null;
            boolean hasEmail = percent(70);
            if (chinese) {
                Word surname = Vocabulary.CN_SURNAMES.get(weighted(Vocabulary.CN_SURNAME_WEIGHTS));
                Word given = one(male ? Vocabulary.CN_MALE_GIVEN : Vocabulary.CN_FEMALE_GIVEN);
                name = surname.text() + given.text();
                if (hasEmail) {
                    email = surname.latin() + given.latin() + (random.nextInt(9000) + 100) + "@" + emailDomain();
                }
            } else {
                String first = one(male ? Vocabulary.EN_MALE_FIRST : Vocabulary.EN_FEMALE_FIRST);
                String last = one(Vocabulary.EN_LAST);
                name = first + " " + last;
                if (hasEmail) {
                    String local = percent(50) ? first + "." + last : first.charAt(0) + last + (random.nextInt(90) + 10);
                    email = local.toLowerCase(java.util.Locale.ROOT) + "@" + emailDomain();
                }
            }
            String occupation = occupation(age);
            String education = (chinese ? Vocabulary.CN_EDUCATION : Vocabulary.EN_EDUCATION).get(weighted(Vocabulary.EDUCATION_WEIGHTS));
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("interests", distinct(chinese ? Vocabulary.CN_INTERESTS : Vocabulary.EN_INTERESTS, 1 + random.nextInt(3)));
            String marital = age < 26 ? (percent(85) ? "single" : "married")
                    : pick(Vocabulary.MARITAL_STATUS.toArray(String[]::new), 22, 62, 11, age > 60 ? 10 : 2);
            Map<String, Object> family = new LinkedHashMap<>();
            family.put("maritalStatus", marital);
            family.put("children", marital.equals("single") ? (percent(90) ? 0 : 1) : pick(new Integer[]{0, 1, 2, 3}, 20, 45, 30, 5));
            attributes.put("family", family);
            attributes.put("bestTimeToCall", pick(new String[]{"morning", "afternoon", "evening"}, 30, 30, 40));
            if (vip) {
                attributes.put("vip", Boolean.TRUE);
            }
            return new CustomerProfile(CustomerKind.INDIVIDUAL, type, name, email, address(false), zone,
                    chinese ? "zh-CN" : "en-US", birthDate, gender, occupation, education, null, null, null, customerSince(),
                    phones(false), attributes);
        }

        private CustomerProfile organizationProfile() {
            String name;
            String email;
            String industry;
            String legalRepresentative = personName();
            String contactPerson = personName();
            String title;
            if (chinese) {
                Trade trade = one(Vocabulary.CN_TRADES);
                int brand = random.nextInt(Vocabulary.CN_BRANDS.size());
                name = city.shortName() + Vocabulary.CN_BRANDS.get(brand) + trade.nameWord()
                        + Vocabulary.CN_COMPANY_SUFFIXES.get(weighted(Vocabulary.CN_COMPANY_SUFFIX_WEIGHTS));
                industry = trade.industry();
                email = "service" + (brand + 1) + "@" + emailDomain();
                title = one(Vocabulary.CN_TITLES);
            } else {
                Trade trade = one(Vocabulary.EN_TRADES);
                String brand = one(Vocabulary.EN_BRANDS);
                name = brand + " " + trade.nameWord() + " "
                        + Vocabulary.EN_COMPANY_SUFFIXES.get(weighted(Vocabulary.EN_COMPANY_SUFFIX_WEIGHTS));
                industry = trade.industry();
                email = "info@" + (brand + trade.nameWord()).replace(" ", "").toLowerCase(java.util.Locale.ROOT) + ".example.com";
                title = one(Vocabulary.EN_TITLES);
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            int employees = type == CustomerType.DISTRIBUTOR ? 50 + random.nextInt(2000) : 3 + random.nextInt(random.nextInt(500) + 1);
            attributes.put("employees", employees);
            Map<String, Object> preferences = new LinkedHashMap<>();
            preferences.put("title", title);
            preferences.put("channel", pick(new String[]{"PHONE", "EMAIL", "CHAT"}, 60, 30, 10));
            preferences.put("hours", pick(new String[]{"09:00-11:30", "13:30-17:00", "10:00-16:00"}, 40, 35, 25));
            preferences.put("language", chinese ? "zh-CN" : "en-US");
            attributes.put("contactPreferences", preferences);
            attributes.put("paymentTermsDays", paymentTerms);
            if (vip) {
                attributes.put("vip", Boolean.TRUE);
            }
            return new CustomerProfile(CustomerKind.ORGANIZATION, type, name, email, address(true), zone,
                    chinese ? "zh-CN" : "en-US", null, null, null, null, industry, legalRepresentative, contactPerson,
                    customerSince(), phones(true), attributes);
        }

        private String personName() {
            if (chinese) {
                Word surname = Vocabulary.CN_SURNAMES.get(weighted(Vocabulary.CN_SURNAME_WEIGHTS));
                return surname.text() + one(percent(50) ? Vocabulary.CN_MALE_GIVEN : Vocabulary.CN_FEMALE_GIVEN).text();
            }
            return one(percent(50) ? Vocabulary.EN_MALE_FIRST : Vocabulary.EN_FEMALE_FIRST) + " " + one(Vocabulary.EN_LAST);
        }

        private String occupation(int age) {
            List<String> list = chinese ? Vocabulary.CN_OCCUPATIONS : Vocabulary.EN_OCCUPATIONS;
            // index 10 is "retired", 11 "student"
            if (age >= 62 && percent(65)) {
                return list.get(10);
            }
            if (age <= 23 && percent(55)) {
                return list.get(11);
            }
            int pick = random.nextInt(list.size() - 2);
            return list.get(pick >= 10 ? pick + 2 : pick);
        }

        private String emailDomain() {
            return pick(new String[]{"example.com", "example.net", "example.org"}, 50, 30, 20);
        }

        private Address address(boolean business) {
            String district = city.districts().isEmpty() ? "" : one(city.districts());
            String street = one(city.streets());
            String postal = city.postalPrefix() + digits(chinese ? 3 : 2);
            String line;
            if (chinese) {
                line = district + street + (1 + random.nextInt(1999)) + "号"
                        + (business ? " " + (1 + random.nextInt(30)) + "楼"
                        : " " + (1 + random.nextInt(30)) + "栋" + ((1 + random.nextInt(30)) * 100 + 1 + random.nextInt(4)) + "室");
            } else {
                line = (1 + random.nextInt(9899)) + " " + street
                        + (business ? (percent(40) ? ", Suite " + (100 + random.nextInt(900)) : "")
                        : (percent(30) ? ", Apt " + (1 + random.nextInt(40)) : ""));
            }
            return new Address(line, city.name(), city.region(), postal, city.country());
        }

        private String digits(int count) {
            StringBuilder out = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                out.append((char) ('0' + random.nextInt(10)));
            }
            return out.toString();
        }

        private List<CustomerPhone> phones(boolean business) {
            NumberSpace fixed = fixedLines.get(city.name());
            NumberSpace mobiles = chinese ? cnMobiles : fixed;
            long base = index * PHONE_SLOTS;
            List<CustomerPhone> phones = new ArrayList<>(3);
            if (business) {
                phones.add(phone(fixed, base, PhoneLabel.WORK, true));
                if (percent(70)) {
                    phones.add(phone(mobiles, base + 1, PhoneLabel.MOBILE, false));
                }
                if (percent(25)) {
                    phones.add(phone(fixed, base + 2, PhoneLabel.FAX, false));
                }
            } else {
                phones.add(phone(mobiles, base, PhoneLabel.MOBILE, true));
                if (percent(25)) {
                    boolean mobile = percent(50);
                    phones.add(phone(mobile ? mobiles : fixed, base + 1,
                            mobile ? PhoneLabel.MOBILE : chinese || percent(50) ? PhoneLabel.HOME : PhoneLabel.WORK, false));
                }
            }
            // the order the repository reads them back in: primary first, then by number
            phones.sort(Comparator.comparing((CustomerPhone p) -> !p.primary()).thenComparing(p -> p.number().e164()));
            return phones;
        }

        private CustomerPhone phone(NumberSpace space, long slot, PhoneLabel label, boolean primary) {
            return new CustomerPhone(new PhoneNumber(space.number(slot)), label, primary);
        }

        // ------------------------------------------------------------ purchases

        private LocalDate customerSince() {
            return since;
        }

        private List<Purchase> purchases() {
            switch (type) {
                case POTENTIAL -> {
                    since = today.minusDays(1 + random.nextInt(720));
                    return List.of();
                }
                case DISTRIBUTOR -> since = today.minusDays(365 + random.nextInt(3285));
                case CURRENT -> since = today.minusDays(60 + random.nextInt(3600));
                case LOST -> {
                    // decided below from the last purchase
                }
            }
            double scale = type == CustomerType.DISTRIBUTOR ? 2500 : organization ? 800 : 200;
            double total = scale * Math.min(400, StrictMath.pow(1 - random.nextDouble(), -1 / PARETO_ALPHA));
            int count;
            LocalDate first;
            LocalDate last;
            switch (type) {
                case DISTRIBUTOR -> {
                    count = 12 + random.nextInt(25);
                    last = lastDay.minusDays(expDays(8));
                    first = since.plusDays(random.nextInt(30));
                }
                case LOST -> {
                    count = 1 + random.nextInt(5);
                    last = today.minusDays(400 + random.nextInt(1100));
                    since = last.minusDays(30L * count + random.nextInt(1200));
                    first = since.plusDays(random.nextInt(30));
                }
                default -> {
                    count = Math.min(30, 1 + (int) (StrictMath.log(total / scale) / StrictMath.log(2)) + random.nextInt(3));
                    last = lastDay.minusDays(expDays(40));
                    first = since.plusDays(random.nextInt(30));
                }
            }
            if (last.isBefore(first)) {
                last = first;
            }
            if (last.isAfter(lastDay)) {
                last = lastDay;
            }
            if (first.isAfter(last)) {
                first = last;
            }
            if (count == 1) {
                first = last;
            }
            long span = ChronoUnit.DAYS.between(first, last);
            LocalDate[] dates = new LocalDate[count];
            dates[0] = first;
            dates[count - 1] = last;
            for (int i = 1; i < count - 1; i++) {
                dates[i] = first.plusDays(span == 0 ? 0 : random.nextLong(span + 1));
            }
            Arrays.sort(dates);
            double[] weights = new double[count];
            double sum = 0;
            for (int i = 0; i < count; i++) {
                weights[i] = 0.5 + random.nextDouble();
                sum += weights[i];
            }
            latePayer = percent(type == CustomerType.LOST ? 20 : 6);
            List<String> products = chinese
                    ? organization ? Vocabulary.CN_BUSINESS_PRODUCTS : Vocabulary.CN_CONSUMER_PRODUCTS
                    : organization ? Vocabulary.EN_BUSINESS_PRODUCTS : Vocabulary.EN_CONSUMER_PRODUCTS;
            List<Purchase> purchases = new ArrayList<>(count);
            int unpaidLeft = latePayer ? 1 + random.nextInt(2) : 0;
            for (int i = count - 1; i >= 0; i--) {
                LocalDate on = dates[i];
                long cents = Math.max(100, Math.round(total * weights[i] / sum * 100));
                BigDecimal amount = BigDecimal.valueOf(cents, 2);
                int quantity = type == CustomerType.DISTRIBUTOR ? 10 + random.nextInt(190)
                        : organization ? 1 + random.nextInt(20) : percent(80) ? 1 : 2 + random.nextInt(2);
                LocalDate due = null;
                LocalDate paid = on;
                if (organization || percent(10)) {
                    due = on.plusDays(paymentTerms);
                    LocalDate paidOn = on.plusDays(paymentTerms - 10 + random.nextInt(20));
                    paid = paidOn.isAfter(lastDay) ? null : paidOn;
                }
                // a late payer leaves the latest purchases already past due unpaid
                if (unpaidLeft > 0 && on.plusDays(paymentTerms).isBefore(today)) {
                    due = on.plusDays(paymentTerms);
                    paid = null;
                    unpaidLeft--;
                }
                purchases.add(new Purchase(on, one(products), amount, quantity, due, paid));
            }
            java.util.Collections.reverse(purchases);
            return purchases;
        }

        private long expDays(double mean) {
            return (long) (-mean * StrictMath.log(1 - random.nextDouble()));
        }

        // ------------------------------------------------------------ contacts

        private List<Interaction> interactions(List<Purchase> purchases) {
            int count = switch (type) {
                case POTENTIAL -> 1 + random.nextInt(3);
                case CURRENT -> 1 + random.nextInt(6);
                case DISTRIBUTOR -> 3 + random.nextInt(8);
                case LOST -> 1 + random.nextInt(4);
            };
            LocalDate lastContactDay = type == CustomerType.LOST && !purchases.isEmpty()
                    ? purchases.get(purchases.size() - 1).purchasedOn().plusDays(60) : lastDay;
            if (lastContactDay.isAfter(lastDay)) {
                lastContactDay = lastDay;
            }
            boolean overdue = purchases.stream().anyMatch(p -> p.overdueOn(today));
            Instant[] starts = new Instant[count];
            for (int i = 0; i < count; i++) {
                // a lost customer's last contact is a recent attempt to win them back
                LocalDate day = type == CustomerType.LOST && i == count - 1 && percent(50)
                        ? lastDay.minusDays(random.nextInt(90)) : dayBetween(since, lastContactDay);
                starts[i] = businessHour(day);
            }
            Arrays.sort(starts);
            for (int i = 1; i < count; i++) {
                if (!starts[i].isAfter(starts[i - 1])) {
                    starts[i] = starts[i - 1].plusSeconds(1);
                }
            }
            List<Interaction> list = new ArrayList<>(count);
            for (Instant start : starts) {
                list.add(interaction(start, overdue));
            }
            return list;
        }

        private Interaction interaction(Instant start, boolean overdue) {
            Channel channel = pick(new Channel[]{Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.SMS, Channel.VISIT},
                    78, 9, 7, 4, organization ? 2 : 0);
            String agent = agent();
            switch (channel) {
                case PHONE -> {
                    boolean inbound = type != CustomerType.POTENTIAL && percent(55);
                    String callId = start.getEpochSecond() + "." + random.nextInt(100_000);
                    if (inbound) {
                        String queue = vip || type == CustomerType.DISTRIBUTOR ? "vip"
                                : pick(new String[]{"sales", "support", "billing"}, 35, 45, 20);
                        int wait = (int) Math.min(600, expDays(35));
                        if (percent(8)) {
                            return new Interaction(0, channel, Direction.INBOUND, null, callId, queue, "abandoned", null, null,
                                    start, start.plusSeconds(wait), wait, null);
                        }
                        Topic topic = one(Vocabulary.INBOUND_TOPICS);
                        int talk = 60 + random.nextInt(840);
                        return new Interaction(0, channel, Direction.INBOUND, agent, callId, queue, "answered",
                                topic.disposition(), note(topic), start, start.plusSeconds(wait + talk), wait, talk);
                    }
                    String outcome = pick(new String[]{"answered", "no-answer", "busy", "voicemail"}, 55, 25, 7, 13);
                    if (!outcome.equals("answered")) {
                        int ring = outcome.equals("busy") ? 5 : outcome.equals("no-answer") ? 30 : 50;
                        String note = outcome.equals("voicemail") ? (chinese ? "已留言，请客户回电" : "Left a voicemail asking to call back") : null;
                        return new Interaction(0, channel, Direction.OUTBOUND, agent, callId, "outbound", outcome, null, note,
                                start, start.plusSeconds(ring), null, null);
                    }
                    Topic topic = outboundTopic(overdue);
                    int talk = 30 + random.nextInt(570);
                    return new Interaction(0, channel, Direction.OUTBOUND, agent, callId, "outbound", "answered",
                            topic.disposition(), note(topic), start, start.plusSeconds(talk), null, talk);
                }
                case EMAIL -> {
                    boolean inbound = type != CustomerType.POTENTIAL && percent(50);
                    Topic topic = inbound ? one(Vocabulary.INBOUND_TOPICS) : outboundTopic(overdue);
                    return new Interaction(0, channel, inbound ? Direction.INBOUND : Direction.OUTBOUND, agent, null, null,
                            inbound ? "received" : "sent", topic.disposition(), note(topic), start, null, null, null);
                }
                case CHAT -> {
                    Topic topic = one(Vocabulary.INBOUND_TOPICS);
                    int wait = random.nextInt(60);
                    int talk = 120 + random.nextInt(780);
                    return new Interaction(0, channel, Direction.INBOUND, agent, null, "support", "completed",
                            topic.disposition(), note(topic), start, start.plusSeconds(wait + talk), wait, talk);
                }
                case SMS -> {
                    Topic topic = outboundTopic(overdue);
                    return new Interaction(0, channel, Direction.OUTBOUND, agent, null, null, "delivered",
                            topic.disposition(), note(topic), start, null, null, null);
                }
                default -> {
                    Topic topic = outboundTopic(overdue);
                    return new Interaction(0, channel, Direction.OUTBOUND, agent, null, null, "completed",
                            topic.disposition(), note(topic), start, start.plusSeconds(1800 + random.nextInt(5400)), null, null);
                }
            }
        }

        private Topic outboundTopic(boolean overdue) {
            List<Topic> topics = Vocabulary.OUTBOUND_TOPICS;
            // the last outbound topic is a payment reminder: only for customers who owe money
            return topics.get(overdue && percent(40) ? topics.size() - 1 : random.nextInt(topics.size() - 1));
        }

        private String note(Topic topic) {
            return chinese ? topic.chineseNote() : topic.englishNote();
        }

        private String agent() {
            int n = 1 + random.nextInt(150);
            return n < 10 ? "agent-00" + n : n < 100 ? "agent-0" + n : "agent-" + n;
        }

        private List<ServiceRequest> serviceRequests() {
            if (!percent(type == CustomerType.POTENTIAL ? 3 : 14)) {
                return List.of();
            }
            int count = percent(75) ? 1 : 2;
            List<String> subjects = chinese ? Vocabulary.CN_REQUEST_SUBJECTS : Vocabulary.EN_REQUEST_SUBJECTS;
            List<ServiceRequest> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int subject = random.nextInt(subjects.size());
                Instant opened = businessHour(dayBetween(since, lastDay));
                long age = ChronoUnit.DAYS.between(opened.atZone(zone).toLocalDate(), today);
                ServiceRequest.Status status = age <= 30
                        ? pick(ServiceRequest.Status.values(), 40, 30, 20, 10)
                        : pick(ServiceRequest.Status.values(), 3, 2, 35, 60);
                Instant closed = null;
                if (status == ServiceRequest.Status.RESOLVED || status == ServiceRequest.Status.CLOSED) {
                    long days = Math.max(0, Math.min(age - 1, 1 + random.nextInt(20)));
                    closed = opened.plusSeconds(days * 86_400 + 3_600 + random.nextInt(3 * 3_600));
                }
                list.add(new ServiceRequest(0, subject < Vocabulary.COMPLAINT_SUBJECTS
                        ? ServiceRequest.Kind.COMPLAINT : ServiceRequest.Kind.SERVICE_REQUEST,
                        subjects.get(subject), status, opened, closed));
            }
            list.sort(Comparator.comparing(ServiceRequest::openedAt));
            return list;
        }

        private List<CustomerBulkLoader.Score> scores(List<Interaction> interactions, List<ServiceRequest> requests) {
            if (!percent(35)) {
                return List.of();
            }
            boolean unhappy = requests.stream().anyMatch(r -> r.kind() == ServiceRequest.Kind.COMPLAINT);
            List<CustomerBulkLoader.Score> scores = new ArrayList<>(2);
            for (int i = 0; i < interactions.size() && scores.size() < 2; i++) {
                Interaction call = interactions.get(i);
                boolean surveyed = call.agentId() != null && call.talkSeconds() != null && call.endedAt() != null;
                if (surveyed && percent(50)) {
                    int score = unhappy ? pick(new Integer[]{1, 2, 3, 4, 5}, 20, 25, 25, 20, 10)
                            : pick(new Integer[]{1, 2, 3, 4, 5}, 4, 6, 15, 35, 40);
                    String comment = percent(30) ? one(chinese ? Vocabulary.CN_SCORE_COMMENTS : Vocabulary.EN_SCORE_COMMENTS) : null;
                    scores.add(new CustomerBulkLoader.Score(score, call.endedAt().plusSeconds(60), comment, i));
                }
            }
            return scores;
        }

        private List<CustomerBulkLoader.Campaign> campaigns() {
            if (!percent(25)) {
                return List.of();
            }
            int count = percent(70) ? 1 : 2;
            List<CustomerBulkLoader.Campaign> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int year = today.getYear() - random.nextInt(3);
                String name = year + "-" + one(Vocabulary.CAMPAIGN_THEMES);
                LocalDate from = LocalDate.of(year, 1, 1).isBefore(since) ? since : LocalDate.of(year, 1, 1);
                LocalDate to = LocalDate.of(year, 12, 31).isAfter(lastDay) ? lastDay : LocalDate.of(year, 12, 31);
                if (from.isAfter(to) || list.stream().anyMatch(c -> c.campaign().equals(name))) {
                    continue;
                }
                list.add(new CustomerBulkLoader.Campaign(name, dayBetween(from, to),
                        pick(Vocabulary.CAMPAIGN_RESPONSES.toArray(String[]::new), 15, 25, 45, 15)));
            }
            list.sort(Comparator.comparing(CustomerBulkLoader.Campaign::joinedOn).thenComparing(CustomerBulkLoader.Campaign::campaign));
            return list;
        }

        private List<CarePlanContact> carePlan() {
            int chance = switch (type) {
                case CURRENT, DISTRIBUTOR -> 45;
                case POTENTIAL -> 30;
                case LOST -> 20;
            };
            if (!percent(chance)) {
                return List.of();
            }
            List<String> purposes = chinese ? Vocabulary.CN_CARE_PURPOSES : Vocabulary.EN_CARE_PURPOSES;
            int count = 1 + random.nextInt(3);
            List<CarePlanContact> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int kind = random.nextInt(100);
                LocalDate day;
                boolean done = false;
                if (kind < 40) {
                    day = dayBetween(since, lastDay);
                    done = true;
                } else if (kind < 85) {
                    day = today.plusDays(1 + random.nextInt(60));
                } else {
                    day = lastDay.minusDays(random.nextInt(14));
                    day = day.isBefore(since) ? since : day;
                }
                Instant planned = day.atTime(percent(50) ? 10 : 14, percent(50) ? 0 : 30).atZone(zone).toInstant();
                Instant doneAt = null;
                if (done) {
                    long late = Math.min(ChronoUnit.DAYS.between(day, lastDay), random.nextInt(3));
                    doneAt = planned.plusSeconds(late * 86_400 + random.nextInt(3_600));
                }
                // a birthday greeting is for people only
                int purpose = random.nextInt(purposes.size() - (organization ? 1 : 0));
                if (organization && purpose >= 2) {
                    purpose++;
                }
                Channel channel = pick(new Channel[]{Channel.PHONE, Channel.EMAIL, Channel.VISIT}, 80, 10, organization ? 10 : 0);
                list.add(new CarePlanContact(0, planned, purposes.get(purpose), channel, agent(), doneAt));
            }
            list.sort(Comparator.comparing(CarePlanContact::plannedAt));
            return list;
        }

        // ------------------------------------------------------------ randomness

        private LocalDate dayBetween(LocalDate from, LocalDate to) {
            long days = ChronoUnit.DAYS.between(from, to);
            return days <= 0 ? to : from.plusDays(random.nextLong(days + 1));
        }

        /** A moment on {@code day} between 09:00 and 18:00 in the customer's time zone, to the second. */
        private Instant businessHour(LocalDate day) {
            return day.atTime(9 + random.nextInt(9), random.nextInt(60), random.nextInt(60)).atZone(zone).toInstant();
        }

        private boolean percent(int chance) {
            return random.nextInt(100) < chance;
        }

        private <T> T one(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private List<String> distinct(List<String> list, int count) {
            List<String> out = new ArrayList<>(count);
            while (out.size() < count) {
                String item = one(list);
                if (!out.contains(item)) {
                    out.add(item);
                }
            }
            return List.copyOf(out);
        }

        private <T> T pick(T[] values, int... weights) {
            return values[weighted(weights)];
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }
    }
}
