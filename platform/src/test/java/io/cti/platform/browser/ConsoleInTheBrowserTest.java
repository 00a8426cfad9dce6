package io.cti.platform.browser;

import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.DomainMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (headless chromium) on the default run's floor with pbx-sim's demo traffic: an
 * agent goes Ready, the pop of the right customer appears while the phone rings, the phone is answered, the transfer
 * field offers the queues and a transfer to a queue that does not exist is refused with the reason shown, the agent
 * holds and resumes the caller (CallHeld, CallResumed from the PBX), hangs up and writes the wrap-up, and the
 * supervisor's wallboard sees the call arrive and leave; keyboard-only use; the Chinese UI (the customer lookup's
 * alerts included); the administrator's queue editor with its field errors, and the users tab (unlock, set a
 * password, change a user). The bots are off, so the demo agents logged in here are the only ones taking calls. One
 * platform start serves every test of the class. Screenshots land in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cti.platform.data-dir=target/it-data/console-browser",
        "cti.platform.wipe-data=true",
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
        "cti.bridge.host=",
        "cti.platform.demo.customers=300",
        "cti.platform.pbx.traffic.calls-per-hour=720",
        "cti.platform.pbx.traffic.no-answer=0",
        "cti.platform.pbx.traffic.unknown-share=0",
        "cti.router.demo.bots=false",
})
@DirtiesContext
class ConsoleInTheBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageBus bus;

    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<DomainMessage> seen = new CopyOnWriteArrayList<>();
    private RunningSubscription holds;

    @BeforeEach
    void watchHolds() {
        holds = bus.subscribe(Subscription.builder("test-" + UUID.randomUUID(), "test").streams(BusStream.EVENTS)
                .types(CallHeld.class, CallResumed.class).build(), seen::add);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        holds.close();
    }

    @Test
    void anAgentTakesARoutedCallFromPopToWrapUpWhileTheWallboardSeesItArriveAndLeave() {
        WebDriver board = logIn("supervisor", "supervisor-demo", "en-US,en");
        WebDriver agent = logIn("agent01", "agent01-demo", "en-US,en");
        waitFor(board, By.cssSelector("#connection[data-state=connected]"));
        waitFor(agent, By.cssSelector("#connection[data-state=connected]"));

        // Calls are already waiting: Ready lasts only until the router reserves agent01 for the first of them.
        agent.findElement(By.id("ready")).click();

        // The pop with the customer's card is on screen while the phone still rings (read in one go: the page
        // re-renders the pop when the phone is answered).
        Map<?, ?> shown = (Map<?, ?>) new WebDriverWait(agent, PATIENCE, Duration.ofMillis(50)).until(b ->
                ((JavascriptExecutor) b).executeScript("""
                        const ringing = document.getElementById('ringing');
                        const name = document.getElementById('customer-name');
                        if (!ringing || !name) { return null; }
                        const pop = document.getElementById('pop');
                        return { call: pop.dataset.call, caller: pop.dataset.caller, name: name.textContent,
                                 ringing: ringing.textContent };"""));
        HeadlessChromium.screenshot(agent, "agent-desktop-ringing");
        String call = (String) shown.get("call");
        String caller = (String) shown.get("caller");
        String shownName = (String) shown.get("name");
        assertThat((String) shown.get("ringing")).isEqualTo("Ringing — pick up your phone");
        assertThat(shownName).isEqualTo(jdbc.queryForObject("""
                select c.name from customer c join customer_phone p on p.customer_id = c.id where p.e164 = ?""",
                String.class, caller));
        waitFor(board, By.cssSelector("#agents tr[data-agent=agent01][data-call='" + call + "']"));

        // pbx-sim's phone picks up; the agent talks, then hangs up from the desktop.
        waitFor(agent, By.cssSelector("#state[data-status=ON_CALL]"));
        waitFor(board, By.cssSelector("#agents tr[data-agent=agent01][data-status=ON_CALL] button[data-mode=LISTEN]"));
        assertThat(((JavascriptExecutor) board).executeScript("""
                const volume = window.Chart && Chart.getChart('volume-chart');
                const sl = window.Chart && Chart.getChart('sl-chart');
                return volume && sl ? volume.data.datasets.length + '/' + sl.data.datasets.length : String(typeof Chart);"""))
                .as("the day's charts drawn from the pushed figures, one line per queue and figure")
                .asString().matches("[1-9][0-9]*/[1-9][0-9]*");
        HeadlessChromium.screenshot(agent, "agent-desktop");
        HeadlessChromium.screenshot(board, "wallboard");

        // The transfer field offers the queues; a queue that does not exist is refused and the desktop says why.
        agent.findElement(By.id("transfer-target")).click();
        new WebDriverWait(agent, PATIENCE).until(b -> !b.findElements(
                By.cssSelector("#transfer-targets option[value=sales]")).isEmpty());
        agent.findElement(By.id("transfer-target")).sendKeys("no-such-queue");
        agent.findElement(By.id("transfer")).click();
        new WebDriverWait(agent, PATIENCE).until(b -> "Transfer not done: there is no such active queue".equals(
                b.findElement(By.id("answer")).getText()));
        // Hold and resume from the desktop reach the PBX: the caller is held, then back with the agent.
        agent.findElement(By.id("hold")).click();
        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof CallHeld h
                && h.callId().value().equals(call)));
        new WebDriverWait(agent, PATIENCE).until(b -> "Resume".equals(b.findElement(By.id("hold")).getText()));
        agent.findElement(By.id("hold")).click();
        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof CallResumed r
                && r.callId().value().equals(call)));
        agent.findElement(By.id("hang-up")).click();

        waitFor(agent, By.cssSelector("#state[data-status=WRAP_UP]"));
        waitFor(board, By.cssSelector("#agents tr[data-agent=agent01][data-status=WRAP_UP]"));
        assertThat(waitFor(agent, By.id("wrap-countdown")).getText()).isNotBlank();
        new Select(agent.findElement(By.id("disposition"))).selectByValue("sale");
        agent.findElement(By.id("notes")).sendKeys("wants the premium plan");
        agent.findElement(By.id("satisfaction")).sendKeys("4");
        HeadlessChromium.screenshot(agent, "agent-desktop-wrap-up");
        agent.findElement(By.id("wrap-submit")).click();

        await().atMost(PATIENCE).until(() -> jdbc.queryForList(
                "select disposition from interaction where call_id = ?", String.class, call).contains("sale"));
        assertThat(jdbc.queryForObject("select notes from interaction where call_id = ?", String.class, call))
                .startsWith("wants the premium plan");
        // The wallboard re-renders its rows on every push: read the row's call in the page, not through a stale handle.
        new WebDriverWait(board, PATIENCE).until(b -> !call.equals(((JavascriptExecutor) b).executeScript(
                "const row = document.querySelector('#agents tr[data-agent=agent01]'); return row && row.dataset.call;")));
        // Leaves the next calls to the keyboard-only agent.
        agent.findElement(By.id("log-out")).click();
    }

    @Test
    void anAgentWorksACallWithTheKeyboardAlone() {
        WebDriver agent = logIn("agent02", "agent02-demo", "en-US,en");
        waitFor(agent, By.cssSelector("#connection[data-state=connected]"));

        shortcut(agent, "r");
        waitFor(agent, By.cssSelector("#state[data-status=ON_CALL]"));
        String call = agent.findElement(By.id("pop")).getDomAttribute("data-call");
        shortcut(agent, "h");
        waitFor(agent, By.cssSelector("#state[data-status=WRAP_UP]"));

        // Wrap-up takes the focus; the form is filled and sent from the keyboard.
        new WebDriverWait(agent, PATIENCE).until(b -> "disposition".equals(
                b.switchTo().activeElement().getDomAttribute("id")));
        WebElement disposition = agent.switchTo().activeElement();
        disposition.sendKeys(Keys.TAB);
        agent.switchTo().activeElement().sendKeys("typed without a mouse");
        HeadlessChromium.screenshot(agent, "agent-desktop-keyboard");
        shortcut(agent, "w");

        await().atMost(PATIENCE).until(() -> jdbc.queryForList(
                "select notes from interaction where call_id = ?", String.class, call).stream()
                .anyMatch(n -> n != null && n.startsWith("typed without a mouse")));
        agent.findElement(By.id("log-out")).click();
    }

    @Test
    void anAdministratorCreatesAQueueAndSeesEveryFieldErrorOfARefusedOneNextToItsField() {
        WebDriver admin = logIn("admin", "admin-demo", "en-US,en");
        waitFor(admin, By.id("tab-queues")).click();
        waitFor(admin, By.cssSelector("#queues tr[data-queue=support]"));

        admin.findElement(By.id("queue-new")).click();
        type(admin, "q-name", "billing-vip");
        type(admin, "q-display", "Billing for VIPs");
        type(admin, "q-sl-percent", "90");
        type(admin, "q-sl-within", "15");
        admin.findElement(By.id("q-skill-add")).click();
        admin.findElement(By.cssSelector("#q-skills .row:last-child .skill-name")).sendKeys("billing");
        WebElement minimum = admin.findElement(By.cssSelector("#q-skills .row:last-child .skill-level"));
        minimum.clear();
        minimum.sendKeys("6");
        admin.findElement(By.id("queue-save")).click();

        waitFor(admin, By.cssSelector("#queues tr[data-queue=billing-vip]"));
        assertThat(jdbc.queryForMap("select display_name, service_level_percent from router_queue where name = 'billing-vip'"))
                .containsEntry("display_name", "Billing for VIPs").containsEntry("service_level_percent", 90);
        assertThat(jdbc.queryForObject("select minimum from router_queue_skill where queue_name = 'billing-vip'"
                + " and skill = 'billing'", Integer.class)).isEqualTo(6);

        // A refused queue: every field error is shown at its own field, and nothing is written.
        int queues = jdbc.queryForObject("select count(*) from router_queue", Integer.class);
        admin.findElement(By.id("queue-new")).click();
        type(admin, "q-name", "Not A Name");
        type(admin, "q-sl-percent", "150");
        type(admin, "q-max-wait", "");
        admin.findElement(By.id("queue-save")).click();

        assertThat(waitFor(admin, By.cssSelector("[data-field=name] .field-error[data-error-for=name]")).getText())
                .contains("lower-case");
        assertThat(admin.findElement(By.cssSelector("[data-field='serviceLevel.percent'] .field-error")).getText())
                .contains("between 1 and 100");
        assertThat(admin.findElement(By.cssSelector("[data-field=maxWaitSeconds] .field-error")).getText())
                .isNotBlank();
        assertThat(admin.findElement(By.id("q-name")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(jdbc.queryForObject("select count(*) from router_queue", Integer.class)).isEqualTo(queues);
        ((JavascriptExecutor) admin).executeScript("window.scrollTo(0, 0)");
        HeadlessChromium.screenshot(admin, "admin");

        // The other sections, reached with the arrow keys along the tabs.
        admin.findElement(By.id("tab-queues")).sendKeys(Keys.ARROW_RIGHT);
        assertThat(waitFor(admin, By.cssSelector("#agents tr[data-agent=agent01]")).getText()).contains("PJSIP/");
        HeadlessChromium.screenshot(admin, "admin-agents");
        admin.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertThat(waitFor(admin, By.cssSelector("#skills tr[data-skill=billing]")).getText()).contains("billing-vip");
        admin.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        waitFor(admin, By.cssSelector("#reasons tr[data-code=lunch] button"));
        assertThat(admin.findElements(By.cssSelector("#reasons tr[data-code=no-answer] button")))
                .as("the code the router sets itself cannot be retired").isEmpty();
        admin.findElement(By.id("lang")).click();
        assertThat(admin.findElement(By.cssSelector("header h1")).getText()).isEqualTo("系统管理");
        HeadlessChromium.screenshot(admin, "admin-reasons-zh-CN");
    }

    @Test
    void anAdministratorUnlocksALockedOutUserAndSetsTheirPasswordWithTheKeyboardAndTheUserLogsInWithIt() {
        // The campaign manager locks their account: five wrong passwords in a row (the platform's lockout).
        WebDriver user = HeadlessChromium.start("en-US,en");
        browsers.add(user);
        for (int i = 1; i <= 5; i++) {
            submitLogin(user, "campaigns", "not the password " + i);
        }
        assertThat(user.getCurrentUrl()).endsWith("/login.html?locked");

        WebDriver admin = logIn("admin", "admin-demo", "en-US,en");
        waitFor(admin, By.id("tab-users")).click();
        By row = By.cssSelector("#users tr[data-user=campaigns]");
        assertThat(waitFor(admin, row).findElement(By.cssSelector(".lock-state")).getText()).contains("5 failed logins");
        admin.findElement(By.cssSelector("#users tr[data-user=campaigns] button.edit")).sendKeys(Keys.ENTER);
        assertThat(waitFor(admin, By.id("user-lock-text")).getText()).startsWith("campaigns is locked until")
                .endsWith("after 5 failed logins.");
        HeadlessChromium.screenshot(admin, "admin-users-locked");
        admin.findElement(By.cssSelector("#users tr[data-user=campaigns] button.unlock")).sendKeys(Keys.ENTER);
        waitFor(admin, By.cssSelector("#users tr[data-user=campaigns][data-locked=false]"));
        assertThat(admin.findElements(By.cssSelector("#users tr[data-user=campaigns] button.unlock"))).isEmpty();
        assertThat(admin.findElement(By.id("user-lock")).isDisplayed()).isFalse();

        // From the row's edit button (where the unlock left the focus) to its password button and into the form.
        new WebDriverWait(admin, PATIENCE).until(b -> "edit".equals(b.switchTo().activeElement().getDomAttribute("class")));
        admin.switchTo().activeElement().sendKeys(Keys.TAB);
        admin.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(admin, PATIENCE).until(b -> "new-password".equals(
                b.switchTo().activeElement().getDomAttribute("id")));
        admin.switchTo().activeElement().sendKeys("a fresh password", Keys.TAB, "a different one", Keys.ENTER);
        assertThat(waitFor(admin, By.cssSelector("[data-field=confirm] .field-error")).getText())
                .isEqualTo("The two passwords differ.");
        type(admin, "new-password", "short");
        type(admin, "confirm-password", "short");
        admin.findElement(By.id("confirm-password")).sendKeys(Keys.ENTER);
        assertThat(waitFor(admin, By.cssSelector("#password-form [data-field=password] .field-error")).getText())
                .isEqualTo("at least 10 characters");
        assertThat(admin.findElement(By.id("new-password")).getDomAttribute("aria-invalid")).isEqualTo("true");
        HeadlessChromium.screenshot(admin, "admin-users-password");
        type(admin, "new-password", "a fresh password");
        type(admin, "confirm-password", "a fresh password");
        admin.findElement(By.id("confirm-password")).sendKeys(Keys.ENTER);
        new WebDriverWait(admin, PATIENCE).until(b -> "Password of campaigns set.".equals(
                b.findElement(By.id("answer")).getText()));

        // The name shown changes in the same editor; an agent link for a user without the AGENT role is refused
        // at its field, and the user is saved once it is gone.
        type(admin, "display-name", "Campaign lead");
        type(admin, "agent-id", "agent01");
        admin.findElement(By.id("display-name")).sendKeys(Keys.ENTER);
        assertThat(waitFor(admin, By.cssSelector("#user-form [data-field=agentId] .field-error")).getText())
                .startsWith("only users with the AGENT role");
        type(admin, "agent-id", "");
        admin.findElement(By.id("display-name")).sendKeys(Keys.ENTER);
        new WebDriverWait(admin, PATIENCE).until(b -> "User campaigns saved.".equals(
                b.findElement(By.id("answer")).getText()));
        assertThat(admin.findElement(row).getText()).contains("Campaign lead");
        HeadlessChromium.screenshot(admin, "admin-users");
        admin.findElement(By.id("lang")).click();
        assertThat(admin.findElement(By.id("user-save")).getText()).isEqualTo("创建");
        assertThat(admin.findElement(By.id("answer")).getText()).isEqualTo("用户 campaigns 已保存。");
        HeadlessChromium.screenshot(admin, "admin-users-zh-CN");

        submitLogin(user, "campaigns", "a fresh password");
        assertThat(waitFor(user, By.cssSelector("#who:not(:empty)")).getText()).startsWith("Campaign lead");
    }

    @Test
    void aChineseBrowserGetsTheChineseConsoleAndTheSwitchSticks() {
        WebDriver agent = logIn("agent09", "agent09-demo", "zh-CN,zh");
        assertThat(waitFor(agent, By.cssSelector("header h1")).getText()).isEqualTo("坐席工作台");
        assertThat(agent.findElement(By.id("ready")).getText()).isEqualTo("就绪");
        HeadlessChromium.screenshot(agent, "agent-desktop-zh-CN");

        agent.findElement(By.id("lang")).click();
        assertThat(agent.findElement(By.cssSelector("header h1")).getText()).isEqualTo("Agent desktop");
        agent.navigate().refresh();
        assertThat(waitFor(agent, By.cssSelector("header h1")).getText()).isEqualTo("Agent desktop");

        WebDriver board = logIn("supervisor", "supervisor-demo", "en-US,en");
        waitFor(board, By.cssSelector("#connection[data-state=connected]"));
        board.findElement(By.id("lang")).click();
        assertThat(board.findElement(By.cssSelector("header h1")).getText()).isEqualTo("监控大屏");
        waitFor(board, By.cssSelector("#queues tr[data-queue=support]"));
        HeadlessChromium.screenshot(board, "wallboard-zh-CN");

        // The customer lookup's alerts follow the language switch without a new lookup.
        String lost = jdbc.queryForObject("""
                select p.e164 from customer c join customer_phone p on p.customer_id = c.id where c.type = 'LOST'
                order by c.id limit 1""", String.class);
        board.get("http://localhost:" + port + "/customers.html");
        waitFor(board, By.id("phone")).sendKeys(lost, Keys.ENTER);
        assertThat(waitFor(board, By.cssSelector("#alerts .WIN_BACK")).getText()).isEqualTo("赢回客户");
        board.findElement(By.id("lang")).click();
        assertThat(board.findElement(By.cssSelector("#alerts .WIN_BACK")).getText()).isEqualTo("Win back");
    }

    private WebDriver logIn(String username, String password, String languages) {
        WebDriver browser = HeadlessChromium.start(languages);
        browsers.add(browser);
        browser.get("http://localhost:" + port + "/login.html");
        waitFor(browser, By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        HeadlessChromium.screenshot(browser, "login");
        // The login page fills the CSRF token from /api/session before the form may be sent.
        new WebDriverWait(browser, PATIENCE).until(b -> !b.findElement(By.id("csrf")).getDomProperty("value").isEmpty());
        browser.findElement(By.id("password")).submit();
        new WebDriverWait(browser, PATIENCE).until(b -> !b.getCurrentUrl().contains("login"));
        waitFor(browser, By.cssSelector("#who:not(:empty)"));
        return browser;
    }

    /** Sends the login form of a fresh login page and waits for the answer: the login page again, or a page of the console. */
    private void submitLogin(WebDriver browser, String username, String password) {
        browser.get("http://localhost:" + port + "/login.html");
        waitFor(browser, By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        new WebDriverWait(browser, PATIENCE).until(b -> !b.findElement(By.id("csrf")).getDomProperty("value").isEmpty());
        browser.findElement(By.id("password")).submit();
        new WebDriverWait(browser, PATIENCE).until(b -> !b.getCurrentUrl().endsWith("/login.html"));
    }

    /** Replaces what an input holds with {@code text}. */
    private static void type(WebDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Alt+key, the desktop's shortcut for its main actions. */
    private static void shortcut(WebDriver browser, String key) {
        new Actions(browser).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
    }

    private static WebElement waitFor(WebDriver browser, By what) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100))
                .until(ExpectedConditions.visibilityOfElementLocated(what));
    }
}
