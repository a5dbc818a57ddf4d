package dev.tollgate.cli;

public final class TollgateCli {
    public static void main(String[] args) {
    }
}
