package io.cti.pbxsim.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the received bytes into AMI messages: lines ended by LF or CR LF, a message ended by an empty line (an
 * empty line alone is an empty message, which Asterisk answers with "Missing action in request"). Like
 * Asterisk it drops, with a log line, a message that holds a line longer than the line cap, and answers one
 * with too many lines; beyond Asterisk it caps the bytes of one message, so a peer that never sends the empty
 * line cannot grow memory. Memory held is bounded by the caps whatever arrives. One instance per connection.
 */
final class AmiFrameDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(AmiFrameDecoder.class);

    private final AmiServerConfig config;
    private final List<AmiMessage.Header> headers = new ArrayList<>();
    private int frameBytes;
    private boolean skippingLine;
    private boolean lineTooLong;
    private boolean tooManyLines;
    private boolean frameTooLarge;

    AmiFrameDecoder(AmiServerConfig config) {
        this.config = config;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (skippingLine || in.readableBytes() > config.maxLineBytes()) {
                    if (!skippingLine) {
                        lineTooLong(ctx, start(in));
                    }
                    skippingLine = true;
                    count(in.readableBytes());
                    in.skipBytes(in.readableBytes());
                }
                return;
            }
            int length = eol - in.readerIndex();
            if (skippingLine) {
                skippingLine = false;
                count(length + 1);
                in.skipBytes(length + 1);
                continue;
            }
            int textLength = length > 0 && in.getByte(eol - 1) == '\r' ? length - 1 : length;
            if (textLength > config.maxLineBytes()) {
                lineTooLong(ctx, start(in));
                count(length + 1);
                in.skipBytes(length + 1);
                continue;
            }
            String line = in.toString(in.readerIndex(), textLength, StandardCharsets.UTF_8);
            in.skipBytes(length + 1);
            count(length + 1);
            if (line.isEmpty()) {
                endOfMessage(ctx, out);
            } else if (!frameTooLarge && !lineTooLong) {
                if (headers.size() >= config.maxHeaders()) {
                    tooManyLines = true;
                } else {
                    headers.add(AmiMessage.parseLine(line));
                }
            }
        }
    }

    private static String start(ByteBuf in) {
        return in.toString(in.readerIndex(), Math.min(25, in.readableBytes()), StandardCharsets.UTF_8);
    }

    private void count(int bytes) {
        frameBytes += bytes;
        if (frameBytes > config.maxFrameBytes() && !frameTooLarge) {
            frameTooLarge = true;
            headers.clear();
            log.warn("AMI message over {} bytes: discarded until its end, answered with an error",
                    config.maxFrameBytes());
        }
    }

    private void lineTooLong(ChannelHandlerContext ctx, String start) {
        if (!lineTooLong) {
            log.warn("Discarding message from {}. Line too long: {}...", ctx.channel().remoteAddress(), start);
        }
        lineTooLong = true;
    }

    private void endOfMessage(ChannelHandlerContext ctx, List<Object> out) {
        if (frameTooLarge) {
            out.add(FrameProblem.FRAME_TOO_LARGE);
        } else if (lineTooLong) {
            log.debug("Dropped a message from {} that held an over-long line", ctx.channel().remoteAddress());
        } else if (tooManyLines) {
            out.add(FrameProblem.TOO_MANY_LINES);
        } else {
            out.add(new AmiMessage(headers));
        }
        headers.clear();
        frameBytes = 0;
        lineTooLong = false;
        tooManyLines = false;
        frameTooLarge = false;
    }
}
