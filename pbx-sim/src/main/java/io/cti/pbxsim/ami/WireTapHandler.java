package io.cti.pbxsim.ami;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.util.function.Supplier;

/** Hands a copy of every received buffer to the server's wire tap, if one is set, and passes it on unchanged. */
final class WireTapHandler extends ChannelInboundHandlerAdapter {

    private final Supplier<AmiWireTap> tap;

    WireTapHandler(Supplier<AmiWireTap> tap) {
        this.tap = tap;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        AmiWireTap current = tap.get();
        if (current != null && msg instanceof ByteBuf buffer) {
            current.received(ctx.channel().remoteAddress(), ByteBufUtil.getBytes(buffer));
        }
        ctx.fireChannelRead(msg);
    }
}
